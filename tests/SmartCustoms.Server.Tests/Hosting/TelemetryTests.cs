using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using SmartCustoms.Server.Tests.Infrastructure;

namespace SmartCustoms.Server.Tests.Hosting;

public sealed class TelemetryTests
{
    [Theory]
    [MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task LodgingMovesTheLodgingLaneAndAssessmentInstruments(string provider)
    {
        var seen = new ConcurrentBag<(string Instrument, long Value, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "SmartCustoms")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            seen.Add((instrument.Name, value, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        listener.Start();
        await using var node = await TestNode.StartAsync(provider);
        using var trader = await node.TraderAsync("GB123456789000");

        var response = await trader.PostAsync("/api/declarations", JsonContent.Create(Samples.Import("GB123456789000")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains(seen, m => m is { Instrument: "smartcustoms.lodgings", Value: 1, Tags: "format=json,outcome=created" });
        Assert.Contains(seen, m => m.Instrument == "smartcustoms.lanes" && m.Tags is "lane=green" or "lane=blue" or "lane=yellow" or "lane=red");
        Assert.Contains(seen, m => m.Instrument == "smartcustoms.assessments");
    }
}
