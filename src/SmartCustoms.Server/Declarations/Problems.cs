using System.Globalization;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Server.Declarations;

/// <summary>
/// A refusal as a value: the API answers it as <c>application/problem+json</c>, the web portal shows each error
/// beside its field. Both come from the same use case, so they always agree.
/// </summary>
public sealed record Refusal(int Status, string Title, string Detail, string Type, IReadOnlyList<Problems.ProblemError> Errors)
{
    public IResult ToResult() =>
        TypedResults.Problem(
            title: Title,
            detail: Detail,
            statusCode: Status,
            type: Type,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["errors"] = Errors });
}

/// <summary>Every refusal is <c>application/problem+json</c>; validation problems list each error with its pointer.</summary>
public static class Problems
{
    public sealed record ProblemError(string Code, string Message, string Pointer);

    public static IResult Validation(string title, IReadOnlyList<ValidationIssue> issues, Func<string, string>? pointer = null) =>
        ValidationRefusal(title, issues, pointer).ToResult();

    public static Refusal ValidationRefusal(string title, IReadOnlyList<ValidationIssue> issues, Func<string, string>? pointer = null) =>
        new(StatusCodes.Status400BadRequest, title,
            string.Create(CultureInfo.InvariantCulture, $"{issues.Count} error(s) found; each names its field."),
            "urn:smartcustoms:problem:validation",
            [.. issues.Select(i => new ProblemError(i.Code, i.Message, pointer is null ? i.Pointer : pointer(i.Pointer)))]);

    public static IResult Single(int status, string title, string detail, string code, string pointer) =>
        SingleRefusal(status, title, detail, code, pointer).ToResult();

    public static Refusal SingleRefusal(int status, string title, string detail, string code, string pointer) =>
        new(status, title, detail, "urn:smartcustoms:problem:" + code, [new ProblemError(code, detail, pointer)]);

    public static IResult TooLarge(int maxBytes) => TooLargeRefusal(maxBytes).ToResult();

    public static Refusal TooLargeRefusal(int maxBytes) =>
        SingleRefusal(StatusCodes.Status413PayloadTooLarge, "Body too large",
            string.Create(CultureInfo.InvariantCulture, $"The body is larger than the {maxBytes} bytes this node accepts."), "body.too-large", "");
}
