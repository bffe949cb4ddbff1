using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SmartCustoms.Server.Hosting;

/// <summary>
/// The node's own traces and metrics, both named <c>SmartCustoms</c>. Recording costs next to nothing when no one
/// listens; <see cref="AddNodeTelemetry"/> exports them over OTLP only when a collector is configured.
/// </summary>
public static class NodeTelemetry
{
    public const string Name = "SmartCustoms";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Declarations submitted, by <c>format</c> (json, wco-xml) and <c>outcome</c> (created, duplicate, conflict, refused).</summary>
    public static readonly Counter<long> Lodgings = Meter.CreateCounter<long>("smartcustoms.lodgings", "{declaration}", "Declarations submitted for lodging");

    /// <summary>Lanes given at lodging, by <c>lane</c>.</summary>
    public static readonly Counter<long> Lanes = Meter.CreateCounter<long>("smartcustoms.lanes", "{declaration}", "Lanes assigned at lodging");

    public static readonly Counter<long> Assessments = Meter.CreateCounter<long>("smartcustoms.assessments", "{assessment}", "Risk assessments run");

    /// <summary>Delivery attempts of outbox messages, by <c>outcome</c> (delivered, retry) and <c>type</c>.</summary>
    public static readonly Counter<long> Deliveries = Meter.CreateCounter<long>("smartcustoms.exchange.deliveries", "{message}", "Exchange messages delivered or scheduled for retry");

    /// <summary>Messages posted to the inbox, by <c>outcome</c> (accepted, a replay included, or refused).</summary>
    public static readonly Counter<long> InboxMessages = Meter.CreateCounter<long>("smartcustoms.exchange.inbox", "{message}", "Exchange messages received");

    /// <summary>Time from a checked body to its stored answer, by <c>format</c> and <c>outcome</c>.</summary>
    public static readonly Histogram<double> LodgingDuration = Meter.CreateHistogram<double>("smartcustoms.lodging.duration", "s", "Time to check, assess and store a declaration");

    public static readonly Histogram<double> AssessmentDuration = Meter.CreateHistogram<double>("smartcustoms.assessment.duration", "s", "Time to assess a declaration's risk");

    private static long s_outboxDepth = -1;

    static NodeTelemetry()
    {
        Meter.CreateObservableGauge("smartcustoms.exchange.outbox.depth", ObserveOutbox, "{message}", "Outbox messages not yet delivered");
    }

    /// <summary>The outbox's undelivered messages as last counted by the delivery loop.</summary>
    public static void OutboxDepth(long count) => Interlocked.Exchange(ref s_outboxDepth, count);

    private static IEnumerable<Measurement<long>> ObserveOutbox()
    {
        // Not counted yet (the loop's first pass is to come): no value rather than a false zero.
        var depth = Interlocked.Read(ref s_outboxDepth);
        return depth < 0 ? [] : [new Measurement<long>(depth)];
    }
}
