namespace SmartCustoms.Storage.Tests.Leases;

public sealed class JobLeaseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task OfTwoServersOneTakesTheJobAndTheOtherTakesItOverOnceTheLeaseRunsOut(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var other = storage.Open();
        var now = DateTimeOffset.UtcNow;

        var taken = await Task.WhenAll(
            storage.Database.JobLeases.TryAcquireAsync("job", "a", now, TimeSpan.FromMinutes(1), Ct),
            other.JobLeases.TryAcquireAsync("job", "b", now, TimeSpan.FromMinutes(1), Ct));
        var winner = taken[0] ? "a" : "b";
        var loser = taken[0] ? "b" : "a";
        var againByWinner = await storage.Database.JobLeases.TryAcquireAsync("job", winner, now.AddSeconds(30), TimeSpan.FromMinutes(1), Ct);
        var againByLoser = await other.JobLeases.TryAcquireAsync("job", loser, now.AddSeconds(30), TimeSpan.FromMinutes(1), Ct);
        var otherJob = await other.JobLeases.TryAcquireAsync("another-job", loser, now, TimeSpan.FromMinutes(1), Ct);
        var takenOver = await other.JobLeases.TryAcquireAsync("job", loser, now.AddSeconds(61), TimeSpan.FromMinutes(1), Ct);
        var renewedByFormerHolder = await storage.Database.JobLeases.RenewAsync("job", winner, now.AddSeconds(62), TimeSpan.FromMinutes(1), Ct);

        Assert.Equal(1, taken.Count(t => t));
        Assert.False(againByWinner);
        Assert.False(againByLoser);
        Assert.True(otherJob);
        Assert.True(takenOver);
        Assert.False(renewedByFormerHolder);
        Assert.Equal(loser, await storage.Database.JobLeases.HolderAsync("job", now.AddSeconds(62), Ct));
    }

    [Theory]
    [InlineData(StorageOptions.Sqlite)]
    [InlineData(StorageOptions.Postgres)]
    public async Task ARenewedLeaseOutlivesItsFirstTermAndAReleasedOneIsFreeAtOnce(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var leases = storage.Database.JobLeases;
        var now = DateTimeOffset.UtcNow;
        Assert.True(await leases.TryAcquireAsync("job", "a", now, TimeSpan.FromSeconds(10), Ct));

        var renewed = await leases.RenewAsync("job", "a", now.AddSeconds(8), TimeSpan.FromSeconds(10), Ct);
        var takenWhileRenewed = await leases.TryAcquireAsync("job", "b", now.AddSeconds(15), TimeSpan.FromSeconds(10), Ct);
        await leases.ReleaseAsync("job", "b", Ct);
        var holderAfterStrangersRelease = await leases.HolderAsync("job", now.AddSeconds(15), Ct);
        await leases.ReleaseAsync("job", "a", Ct);
        var takenAfterRelease = await leases.TryAcquireAsync("job", "b", now.AddSeconds(15), TimeSpan.FromSeconds(10), Ct);

        Assert.True(renewed);
        Assert.False(takenWhileRenewed);
        Assert.Equal("a", holderAfterStrangersRelease);
        Assert.True(takenAfterRelease);
    }
}
