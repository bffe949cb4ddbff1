using System.Text.Json.Serialization;

namespace SmartCustoms.Domain.Outcomes;

public enum IssueSeverity
{
    Error,
    Warning,
}

/// <summary>
/// One fault found in what a user sent, the one shape for every capability: a stable <see cref="Code"/> to act on in
/// code, a <see cref="Message"/> a person understands, and a <see cref="Pointer"/> to the field concerned (a JSON
/// Pointer such as <c>/items/0/hsCode</c>, the WCO path of an XML submission, a form field, or empty when the whole
/// input is concerned). <see cref="Line"/> is set for inputs read line by line (CSV, JSON Lines).
/// </summary>
public sealed record Issue(string Code, string Message, string Pointer, IssueSeverity Severity = IssueSeverity.Error)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Line { get; init; }

    public static Issue Warning(string code, string message, string pointer) =>
        new(code, message, pointer, IssueSeverity.Warning);
}
