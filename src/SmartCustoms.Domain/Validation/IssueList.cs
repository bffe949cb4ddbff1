using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Domain.Validation;

/// <summary>Collects issues without allocating until the first one: most declarations have none.</summary>
internal sealed class IssueList
{
    private List<Issue>? _errors;
    private List<Issue>? _warnings;

    public void Error(string code, string message, string pointer) =>
        (_errors ??= []).Add(new Issue(code, message, pointer));

    public void Warning(string code, string message, string pointer) =>
        (_warnings ??= []).Add(Issue.Warning(code, message, pointer));

    public void Add(Issue issue)
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

    public ValidationResult ToResult() => new(_errors ?? (IReadOnlyList<Issue>)[], _warnings ?? (IReadOnlyList<Issue>)[]);
}
