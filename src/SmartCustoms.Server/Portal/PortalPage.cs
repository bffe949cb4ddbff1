using Microsoft.AspNetCore.Mvc.RazorPages;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Server.Access;
using SmartCustoms.Server.Declarations;
using SmartCustoms.Server.Hosting;

namespace SmartCustoms.Server.Portal;

/// <summary>What every portal page has: the signed-in caller and the errors of the last refused action.</summary>
public abstract class PortalPage : PageModel
{
    public Caller Caller => Caller.From(User);

    public string? ErrorTitle { get; private set; }

    public IReadOnlyList<Issue> Errors { get; private set; } = [];

    /// <summary>Errors whose pointer is <paramref name="pointer"/> or inside it, to show beside that field.</summary>
    public IEnumerable<Issue> ErrorsAt(string pointer) =>
        Errors.Where(e => string.Equals(e.Pointer, pointer, StringComparison.Ordinal) || e.Pointer.StartsWith(pointer + "/", StringComparison.Ordinal));

    /// <summary>Shows a refusal on the page, with the status code the API would have answered.</summary>
    protected void Show(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        ErrorTitle = refusal.Title;
        Errors = refusal.Issues;
        Response.StatusCode = ProblemResults.Status(refusal.Kind);
    }
}
