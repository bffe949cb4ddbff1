using System.Globalization;

namespace SmartCustoms.Domain.Outcomes;

/// <summary>Why a use case said no; the HTTP edge turns each kind into its status code.</summary>
public enum RefusalKind
{
    /// <summary>The input is wrong (400).</summary>
    Invalid,

    /// <summary>No valid credentials (401).</summary>
    Unauthenticated,

    /// <summary>The caller may not do this, or not to this party's data (403).</summary>
    Forbidden,

    /// <summary>What was asked for does not exist, or is not the caller's to see (404).</summary>
    NotFound,

    /// <summary>The state of what exists forbids it now: a used LRN, a decided proposal, a closed control (409).</summary>
    Conflict,

    /// <summary>Well-formed but refers to something unusable, e.g. an unknown partner (422).</summary>
    Unprocessable,

    /// <summary>The input is larger than this node accepts (413).</summary>
    TooLarge,

    /// <summary>The content type is not one this input is read in (415).</summary>
    UnsupportedMediaType,

    /// <summary>Too many requests from this caller; try again later (429).</summary>
    TooManyRequests,

    /// <summary>The node cannot serve the request now (503).</summary>
    Unavailable,

    /// <summary>The node's storage is full: nothing was stored (507).</summary>
    StorageFull,
}

/// <summary>
/// A refusal as a value, the one shape every use case returns when it says no: the API answers it as
/// <c>application/problem+json</c> (<see cref="Code"/> gives its type <c>urn:smartcustoms:problem:{code}</c>) and the
/// web portal shows each issue beside its field. Both read the same use case, so they always agree.
/// </summary>
public sealed record Refusal(RefusalKind Kind, string Code, string Title, string Detail, IReadOnlyList<Issue> Issues)
{
    public const string TypePrefix = "urn:smartcustoms:problem:";

    public string Type => TypePrefix + Code;

    /// <summary>Every error of an input at once, each naming its field.</summary>
    public static Refusal Invalid(string title, IReadOnlyList<Issue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        return new(RefusalKind.Invalid, "validation", title,
            issues.Count == 1 ? "1 error found; it names its field." : string.Create(CultureInfo.InvariantCulture, $"{issues.Count} errors found; each names its field."),
            issues);
    }

    /// <summary>One reason, with its code and the field it concerns (empty pointer: the request as a whole).</summary>
    public static Refusal Single(RefusalKind kind, string title, string detail, string code, string pointer = "") =>
        new(kind, code, title, detail, [new Issue(code, detail, pointer)]);

    public static Refusal TooLarge(long maxBytes) =>
        Single(RefusalKind.TooLarge, "Body too large",
            string.Create(CultureInfo.InvariantCulture, $"The body is larger than the {maxBytes} bytes this node accepts."), "body.too-large");

    public static Refusal EmptyBody() => Single(RefusalKind.Invalid, "Empty body", "The request has no body.", "body.empty");

    /// <summary>The same refusal with every pointer translated, e.g. from the canonical JSON shape to WCO XML paths.</summary>
    public Refusal WithPointers(Func<string, string> pointer)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        return this with { Issues = [.. Issues.Select(i => i with { Pointer = pointer(i.Pointer) })] };
    }
}
