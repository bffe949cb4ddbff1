using System.Globalization;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Server.Declarations;

/// <summary>Every refusal is <c>application/problem+json</c>; validation problems list each error with its pointer.</summary>
public static class Problems
{
    public sealed record ProblemError(string Code, string Message, string Pointer);

    public static IResult Validation(string title, IReadOnlyList<ValidationIssue> issues, Func<string, string>? pointer = null) =>
        TypedResults.Problem(
            title: title,
            detail: string.Create(CultureInfo.InvariantCulture, $"{issues.Count} error(s) found; each names its field."),
            statusCode: StatusCodes.Status400BadRequest,
            type: "urn:smartcustoms:problem:validation",
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["errors"] = issues.Select(i => new ProblemError(i.Code, i.Message, pointer is null ? i.Pointer : pointer(i.Pointer))).ToList(),
            });

    public static IResult Single(int status, string title, string detail, string code, string pointer) =>
        TypedResults.Problem(
            title: title,
            detail: detail,
            statusCode: status,
            type: "urn:smartcustoms:problem:" + code,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["errors"] = new[] { new ProblemError(code, detail, pointer) },
            });

    public static IResult TooLarge(int maxBytes) =>
        Single(StatusCodes.Status413PayloadTooLarge, "Body too large",
            string.Create(CultureInfo.InvariantCulture, $"The body is larger than the {maxBytes} bytes this node accepts."), "body.too-large", "");
}
