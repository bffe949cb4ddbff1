using System.Reflection;
using Microsoft.Extensions.Logging;

namespace SmartCustoms.Server.Tests.Hosting;

public sealed class LogEventTests
{
    [Fact]
    public void EveryLogEventOfTheNodeHasAnIdOfItsOwn()
    {
        var events = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: $"{m.DeclaringType!.Name}.{m.Name}", Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(e => e.Attribute is not null)
            .ToList();

        var shared = events.GroupBy(e => e.Attribute!.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Method))}").ToList();

        Assert.True(events.Count >= 10, $"only {events.Count} log events found");
        Assert.Empty(shared);
        Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.Attribute!.EventName), $"{e.Method} has no event name"));
    }
}
