namespace SmartCustoms.Storage.Models;

/// <summary>A model version as listed: everything but its content.</summary>
/// <param name="Source"><c>upload</c> or <c>training</c>.</param>
/// <param name="InfoJson">What the model says of itself (metrics, training data summary), kept exactly as given.</param>
public sealed record StoredModel(
    long Id, string Source, string InfoJson, string Sha256, long Size, string CreatedBy, DateTimeOffset CreatedAt, bool Active);

/// <summary>Which model scores declarations, since when and why; <see cref="Stamp"/> grows with every change.</summary>
public sealed record ActiveModel(long? ModelId, string? ActivatedBy, DateTimeOffset? ActivatedAt, string? Reason, long Stamp);

/// <summary>The node's model registry: every version kept, one active.</summary>
public interface IModelStore
{
    Task<StoredModel> AddAsync(string source, string infoJson, ReadOnlyMemory<byte> content, string createdBy, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every version, newest first.</summary>
    Task<IReadOnlyList<StoredModel>> ListAsync(CancellationToken cancellationToken);

    Task<StoredModel?> GetAsync(long id, CancellationToken cancellationToken);

    Task<byte[]?> GetContentAsync(long id, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="id"/> the active model; false when it does not exist.</summary>
    Task<bool> ActivateAsync(long id, string activatedBy, DateTimeOffset at, string reason, CancellationToken cancellationToken);

    Task<ActiveModel> GetActiveAsync(CancellationToken cancellationToken);
}
