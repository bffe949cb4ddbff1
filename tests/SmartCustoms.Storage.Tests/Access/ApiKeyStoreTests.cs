using System.Security.Cryptography;
using System.Text;
using SmartCustoms.Domain.Access;
using SmartCustoms.Storage.Tests.Declarations;

namespace SmartCustoms.Storage.Tests.Access;

public sealed class ApiKeyStoreTests
{
    private static readonly DateTimeOffset Created = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero).AddTicks(4_321);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task AKeyIsFoundByTheHashOfItsSecret(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var keys = storage.Database.ApiKeys;
        var trader = Key("k-trader", Role.Trader, "GB123456789000");
        await keys.CreateAsync(trader, Ct);
        await keys.CreateAsync(Key("k-officer", Role.Officer), Ct);

        var found = await keys.FindBySecretHashAsync(Hash("k-trader"), Ct);
        var unknown = await keys.FindBySecretHashAsync(Hash("nobody"), Ct);

        Assert.NotNull(found);
        Assert.Equal(("k-trader", Role.Trader, "GB123456789000", "k-trader key"), (found.Id, found.Role, found.PartyId, found.Name));
        Assert.Equal(trader.SecretHash, found.SecretHash);
        Assert.Equal(Samples.Stored(Created), found.CreatedAt);
        Assert.Null(found.RevokedAt);
        Assert.Null(unknown);
        Assert.Equal(["k-officer", "k-trader"], (await keys.ListAsync(Ct)).Select(k => k.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task ARevokedKeyIsStillFoundAndNoLongerCountsAsAdmin(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var keys = storage.Database.ApiKeys;
        var noAdminAtFirst = await keys.AnyAdminAsync(Ct);
        await keys.CreateAsync(Key("k-admin", Role.Admin), Ct);
        await keys.CreateAsync(Key("k-analyst", Role.Analyst), Ct);
        var adminOnceCreated = await keys.AnyAdminAsync(Ct);
        var revokedAt = Created.AddDays(1);

        var revoked = await keys.RevokeAsync("k-admin", revokedAt, Ct);
        var revokedAgain = await keys.RevokeAsync("k-admin", revokedAt.AddDays(1), Ct);
        var unknown = await keys.RevokeAsync("k-missing", revokedAt, Ct);
        var found = await keys.FindBySecretHashAsync(Hash("k-admin"), Ct);

        Assert.False(noAdminAtFirst);
        Assert.True(adminOnceCreated);
        Assert.True(revoked);
        Assert.True(revokedAgain);
        Assert.False(unknown);
        Assert.NotNull(found);
        Assert.Equal(Samples.Stored(revokedAt), found.RevokedAt);
        Assert.False(await keys.AnyAdminAsync(Ct));
        Assert.Null((await keys.FindBySecretHashAsync(Hash("k-analyst"), Ct))?.RevokedAt);
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static ApiKey Key(string id, Role role, string? partyId = null) => new()
    {
        Id = id,
        Role = role,
        PartyId = partyId,
        Name = id + " key",
        SecretHash = Hash(id),
        CreatedAt = Created,
    };
}
