using System.Security.Claims;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Server.Access;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Storage.Declarations;

namespace SmartCustoms.Server.Declarations;

public static class AmendmentsApi
{
    /// <summary>A corrected version replaces the content (old versions are kept) and is assessed again.</summary>
    public static async Task<IResult> AmendAsync(
        string mrn, HttpRequest request, LodgingService lodging, IDeclarationStore store, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var existing = await store.GetAsync(mrn, null, cancellationToken).ConfigureAwait(false);
        if (existing is null || !caller.CanSee(existing.DeclarantId))
        {
            return TypedResults.NotFound();
        }

        var checkedDeclaration = await lodging.ReadAndCheckAsync(request, caller, cancellationToken).ConfigureAwait(false);
        if (!checkedDeclaration.TryGetValue(out var valid, out var problem))
        {
            return problem.ToResult();
        }

        var (declaration, result, hash) = valid;
        if (!string.Equals(declaration.Lrn, existing.Lrn, StringComparison.Ordinal))
        {
            return Refusal.Single(RefusalKind.Invalid, "LRN differs",
                $"An amendment keeps the LRN of the declaration it amends ('{existing.Lrn}').", "amendment.lrn-differs", "/lrn").ToResult();
        }

        string? refusal = null;
        var now = clock.GetUtcNow();
        var updated = await store.UpdateAsync(mrn, record =>
        {
            refusal = null;
            if (string.Equals(record.ContentHash, hash, StringComparison.Ordinal))
            {
                return null;
            }

            var transition = Lifecycle.Apply(record.Status, DeclarationAction.Amend);
            if (!transition.Allowed)
            {
                refusal = transition.Refusal;
                return null;
            }

            return new DeclarationChange
            {
                Status = transition.Status,
                NewVersion = new NewVersion { ContentHash = hash, Declaration = declaration, Assessment = result.Assessment, Warnings = result.Warnings },
                Notifications = Notifications.ForAcceptance(record.Lrn, record.Version + 1, transition.Status, result.Assessment, now),
                Audit = new AuditEntry(caller.KeyId, "Amend", null, now),
            };
        }, cancellationToken).ConfigureAwait(false);

        if (updated.Record is null)
        {
            return TypedResults.NotFound();
        }

        return refusal is not null
            ? Refusal.Single(RefusalKind.Conflict, "Not allowed in this status", refusal, "status.transition", "/status").ToResult()
            : TypedResults.Ok(DeclarationResponse.From(updated.Record));
    }
}
