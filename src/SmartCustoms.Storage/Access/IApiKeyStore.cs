using SmartCustoms.Domain.Access;

namespace SmartCustoms.Storage.Access;

public interface IApiKeyStore
{
    Task CreateAsync(ApiKey key, CancellationToken cancellationToken);
    Task<ApiKey?> FindBySecretHashAsync(byte[] secretHash, CancellationToken cancellationToken);
    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken);
    Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>True when an unrevoked admin key exists.</summary>
    Task<bool> AnyAdminAsync(CancellationToken cancellationToken);
}
