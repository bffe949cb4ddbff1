namespace SmartCustoms.Domain.Validation;

public enum IssueSeverity
{
    Error,
    Warning,
}

/// <summary>
/// One fault found in a declaration. <see cref="Pointer"/> is a JSON Pointer into the canonical JSON shape
/// (e.g. <c>/items/0/hsCode</c>); an XML submission translates it to the WCO section and tag.
/// </summary>
public sealed record ValidationIssue(string Code, string Message, string Pointer, IssueSeverity Severity = IssueSeverity.Error)
{
    public static ValidationIssue Warning(string code, string message, string pointer) =>
        new(code, message, pointer, IssueSeverity.Warning);
}
