using SmartCustoms.Domain.Access;

namespace SmartCustoms.Storage.Access;

/// <summary>Creates keys for the API, the CLI and the start-up bootstrap alike.</summary>
public sealed class ApiKeyIssuer(IApiKeyStore keys, TimeProvider clock)
{
    public async Task<(ApiKey? Key, string? Secret, Dictionary<string, string[]> Errors)> IssueAsync(
        string? role, string? partyId, string? name, CancellationToken cancellationToken, string? secret = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!Enum.TryParse<Role>(role, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || !char.IsAsciiLetter(role[0]))
        {
            errors["role"] = ["Role must be one of trader, officer, analyst, admin, carrier."];
        }
        else if (parsed == Role.Trader && string.IsNullOrWhiteSpace(partyId))
        {
            errors["partyId"] = ["A trader key must name the party (e.g. EORI) it acts for."];
        }
        else if (parsed == Role.Carrier && string.IsNullOrWhiteSpace(partyId))
        {
            errors["partyId"] = ["A carrier key must name the operator it sends items for (e.g. FR-LAPOSTE)."];
        }
        else if (parsed is not (Role.Trader or Role.Carrier) && partyId is not null)
        {
            errors["partyId"] = ["Only trader and carrier keys are bound to a party."];
        }

        if ((partyId?.Any(char.IsControl) ?? false) || (name?.Any(char.IsControl) ?? false))
        {
            errors[partyId?.Any(char.IsControl) ?? false ? "partyId" : "name"] = ["partyId and name are text without control characters."];
        }

        if (partyId is { Length: > 35 } || name is { Length: > 100 })
        {
            errors["partyId"] = ["partyId is at most 35 characters and name at most 100."];
        }

        if (errors.Count > 0)
        {
            return (null, null, errors);
        }

        secret ??= ApiKeySecrets.NewKey();
        var key = new ApiKey
        {
            Id = ApiKeySecrets.NewId(),
            Role = parsed,
            PartyId = partyId?.Trim(),
            Name = string.IsNullOrWhiteSpace(name) ? $"{parsed.ToString().ToLowerInvariant()} key" : name.Trim(),
            SecretHash = ApiKeySecrets.Hash(secret),
            CreatedAt = clock.GetUtcNow(),
        };
        await keys.CreateAsync(key, cancellationToken).ConfigureAwait(false);
        return (key, secret, errors);
    }
}
