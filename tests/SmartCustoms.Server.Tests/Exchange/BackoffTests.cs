using SmartCustoms.Server.Exchange;

namespace SmartCustoms.Server.Tests.Exchange;

public sealed class BackoffTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(8, 256)]
    [InlineData(9, 300)]
    [InlineData(1000, 300)]
    public void TheWaitDoublesAfterEachFailureUpToTheCap(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), DeliveryService.Backoff(attempts, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5)));
}
