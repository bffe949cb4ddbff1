namespace SmartCustoms.Domain.Validation;

/// <summary>Collects issues without allocating until the first one: most declarations have none.</summary>
internal sealed class IssueList
{
    private List<ValidationIssue>? _errors;
    private List<ValidationIssue>? _warnings;

    public void Error(string code, string message, string pointer) =>
        (_errors ??= []).Add(new ValidationIssue(code, message, pointer));

    public void Warning(string code, string message, string pointer) =>
        (_warnings ??= []).Add(ValidationIssue.Warning(code, message, pointer));

    public void Add(ValidationIssue issue)
    {
        if (issue.Severity == IssueSeverity.Warning)
        {
            (_warnings ??= []).Add(issue);
        }
        else
        {
            (_errors ??= []).Add(issue);
        }
    }

    public ValidationResult ToResult() => new(_errors ?? (IReadOnlyList<ValidationIssue>)[], _warnings ?? (IReadOnlyList<ValidationIssue>)[]);
}
