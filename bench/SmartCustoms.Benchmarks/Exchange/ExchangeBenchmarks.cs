using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using SmartCustoms.Benchmarks.Lodging;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Storage.Exchange;

namespace SmartCustoms.Benchmarks.Exchange;

/// <summary>
/// Signed messages from one real node (CN) to another (SG), both child processes on 127.0.0.1 with a durable outbox
/// and inbox, paired through <c>POST /api/exchange/partners</c>. Each round puts <see cref="Batch"/> export-data messages
/// (made by the node's <see cref="Server.Exchange.ExportDataOutbox"/> from a four-item export) in CN's outbox in one
/// transaction, parked, then makes them all due with one UPDATE; the round ends when CN has marked the last one delivered,
/// i.e. holds SG's verified receipt for every one. Lodging is left out: it has its own benchmark, and here it would
/// dominate. One operation is one message: Op/s is messages per second from release to the last receipt; the Msg/s
/// column counts from the first delivery to the last (CN's clock), without the wait until CN's next poll.
/// </summary>
[Config(typeof(Config))]
public class ExchangeBenchmarks : IDisposable
{
    public const int Batch = 2000;
    private const int WarmupRounds = 4;
    private const int MeasuredRounds = 5;

    private readonly List<ExchangeRound> _rounds = [];
    private readonly string _runId = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
    private readonly List<string> _directories = [];
    private readonly List<PostgresDatabase> _databases = [];
    private ServerProcess? _sender;
    private ServerProcess? _receiver;
    private NodeDatabase _senderDb = null!;
    private NodeDatabase _receiverDb = null!;
    private CpuProbe _senderCpu = null!;
    private CpuProbe _receiverCpu = null!;
    private PartnerRecord _receiverAtSender = null!;
    private DateTimeOffset _roundCreatedAt;
    private int _round;

    private sealed record ExchangeRound(
        int Messages, TimeSpan Wall, TimeSpan FirstToLast, long Attempts, CpuUsage Sender, CpuUsage Receiver, (long Rows, long Distinct, long ExportData) Received);

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(WarmupRounds)
                .WithIterationCount(MeasuredRounds).WithInvocationCount(1).WithUnrollFactor(1));
            AddColumn(StatisticColumn.OperationsPerSecond);
            AddColumn(ExchangeColumn.All);
        }
    }

    [ParamsSource(nameof(Targets))]
    public string Target { get; set; } = LodgingBenchmarks.Sqlite;

    /// <summary>Both nodes on SQLite; both on PostgreSQL (a database each) when SMARTCUSTOMS_BENCH_POSTGRES is set.</summary>
    public static IEnumerable<string> Targets()
    {
        yield return LodgingBenchmarks.Sqlite;
        if (PostgresDatabase.Configured is not null)
        {
            yield return LodgingBenchmarks.Postgres;
        }
    }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        try
        {
            await StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await ReleaseAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task StartAsync()
    {
        var adminKey = "sck_bench-admin-" + Guid.NewGuid().ToString("N");
        (ServerProcess Server, NodeDatabase Db, CpuProbe Cpu) sender = await StartNodeAsync(ExchangeSamples.Sender, adminKey).ConfigureAwait(false);
        (_sender, _senderDb, _senderCpu) = sender;
        (ServerProcess Server, NodeDatabase Db, CpuProbe Cpu) receiver = await StartNodeAsync(ExchangeSamples.Receiver, adminKey).ConfigureAwait(false);
        (_receiver, _receiverDb, _receiverCpu) = receiver;
        await RegisterAsync(_sender, _receiver, ExchangeSamples.SenderAgreement(), adminKey).ConfigureAwait(false);
        await RegisterAsync(_receiver, _sender, ExchangeSamples.ReceiverAgreement(), adminKey).ConfigureAwait(false);
        _receiverAtSender = ExchangeSamples.Partner(
            new NodeCard { NodeId = ExchangeSamples.Receiver, Country = ExchangeSamples.Receiver, BaseUrl = _receiver.BaseAddress.ToString() },
            ExchangeSamples.SenderAgreement());
        var sample = ExchangeSamples.Messages(_receiverAtSender, 1, _runId)[0];
        Console.WriteLine($"// exchange {Target}: {Batch} export-data messages a round, envelope {sample.EnvelopeJson.Length} B");
    }

    private async Task<(ServerProcess, NodeDatabase, CpuProbe)> StartNodeAsync(string nodeId, string adminKey)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"sc-bench-{nodeId.ToLowerInvariant()}-" + Guid.NewGuid().ToString("N")[..8]);
        _directories.Add(directory);
        var environment = new Dictionary<string, string>
        {
            ["SmartCustoms__DataDirectory"] = directory,
            ["SmartCustoms__BootstrapAdminKey"] = adminKey,
            ["SmartCustoms__Storage__Provider"] = Target == LodgingBenchmarks.Postgres ? "postgres" : "sqlite",
            ["SmartCustoms__NodeId"] = nodeId,
            // Rounds are released by this process, which cannot wake the node's delivery service: it polls.
            ["SmartCustoms__Exchange__PollInterval"] = "00:00:00.050",
        };
        NodeDatabase db;
        string? databaseName = null;
        if (Target == LodgingBenchmarks.Postgres)
        {
            var database = await PostgresDatabase.CreateAsync(PostgresDatabase.Configured!).ConfigureAwait(false);
            _databases.Add(database);
            environment["ConnectionStrings__SmartCustoms"] = database.ConnectionString;
            db = new NodeDatabase(null, database.ConnectionString);
            databaseName = database.Name;
        }
        else
        {
            db = new NodeDatabase(Path.Combine(directory, "smartcustoms.db"), null);
        }

        var server = await ServerProcess.StartAsync("SmartCustoms.Server.dll", [], environment).ConfigureAwait(false);
        return (server, db, new CpuProbe(server, databaseName));
    }

    /// <summary>Registers <paramref name="partner"/> at <paramref name="at"/> as an administrator does: its node card as published, and the agreement.</summary>
    private static async Task RegisterAsync(ServerProcess at, ServerProcess partner, Agreement agreement, string adminKey)
    {
        using var anonymous = new HttpClient { BaseAddress = partner.BaseAddress };
        var card = await anonymous.GetFromJsonAsync<JsonObject>(new Uri("api/exchange/node-card", UriKind.Relative)).ConfigureAwait(false);
        using var admin = new HttpClient { BaseAddress = at.BaseAddress };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        var body = new JsonObject { ["card"] = card, ["agreement"] = JsonSerializer.SerializeToNode(agreement, ExchangeJson.Options) };
        using var response = await admin.PostAsJsonAsync(new Uri("api/exchange/partners", UriKind.Relative), body).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Registering the partner answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
        }
    }

    /// <summary>A round of messages in the sender's outbox, parked: written outside the measured time.</summary>
    [IterationSetup]
    public void Park()
    {
        var messages = ExchangeSamples.Messages(_receiverAtSender, Batch, _runId + (++_round).ToString("D3", CultureInfo.InvariantCulture));
        _roundCreatedAt = messages[0].CreatedAt;
        _senderDb.ParkAsync(messages).GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task Deliver()
    {
        var senderBefore = _senderCpu.Take();
        var receiverBefore = _receiverCpu.Take();
        var started = Stopwatch.GetTimestamp();
        var released = await _senderDb.ReleaseAsync().ConfigureAwait(false);
        if (released != Batch)
        {
            throw new InvalidOperationException($"Released {released} messages, expected {Batch}.");
        }

        while (await _senderDb.PendingAsync().ConfigureAwait(false) > 0)
        {
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException($"Messages still undelivered after 3 minutes. Sender: {_sender!.Status()}\nReceiver: {_receiver!.Status()}");
            }

            // The Msg/s column is read from the delivery times afterwards; this poll only ends the round (Op/s is up to 20 ms late).
            await Task.Delay(20).ConfigureAwait(false);
        }

        var wall = Stopwatch.GetElapsedTime(started);
        var sender = CpuProbe.Between(senderBefore, _senderCpu.Take());
        var receiver = CpuProbe.Between(receiverBefore, _receiverCpu.Take());
        var delivered = await _senderDb.DeliveredAsync(_roundCreatedAt).ConfigureAwait(false);
        var received = await _receiverDb.ReceivedAsync(ExchangeSamples.Sender, _roundCreatedAt).ConfigureAwait(false);
        var round = new ExchangeRound((int)delivered.Delivered, wall, delivered.Last - delivered.First, delivered.Attempts, sender, receiver, received);
        _rounds.Add(round);
        Console.WriteLine($"// exchange {Target} round {_rounds.Count}: {Describe(round)}");
        if (delivered.Delivered != Batch || received.Rows != Batch || received.Distinct != Batch || received.ExportData != Batch)
        {
            throw new InvalidOperationException($"Round {_rounds.Count}: {delivered.Delivered} delivered, {received.Rows} stored at the receiver " +
                $"({received.Distinct} distinct, {received.ExportData} export data rows), expected {Batch} each.");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_sender is not null && _rounds.Count == WarmupRounds + MeasuredRounds)
        {
            // Nothing lost or duplicated over the whole run: the receiver holds exactly the ids the sender sent.
            var sent = await _senderDb.IdsAsync(null).ConfigureAwait(false);
            var stored = await _receiverDb.IdsAsync(ExchangeSamples.Sender).ConfigureAwait(false);
            var same = sent.SetEquals(stored);
            var measured = _rounds.TakeLast(MeasuredRounds).ToList();
            var messages = measured.Sum(r => r.Messages);
            var sender = CpuUsage.Sum([.. measured.Select(r => r.Sender)]);
            var receiver = CpuUsage.Sum([.. measured.Select(r => r.Receiver)]);
            var figures = new ExchangeFigures(
                Target, messages,
                messages / measured.Sum(r => r.FirstToLast.TotalSeconds),
                messages / measured.Sum(r => r.Wall.TotalSeconds),
                sender.Server.TotalMicroseconds / messages, receiver.Server.TotalMicroseconds / messages,
                (sender.Database + receiver.Database).TotalMicroseconds / messages, sender.MachineBusyPercent,
                measured.Sum(r => (double)r.Attempts) / messages,
                string.Create(CultureInfo.InvariantCulture, $"{stored.Count}/{sent.Count}{(same ? "" : " MISMATCH")}"),
                LatencyReport.Run);
            ExchangeReport.Record(figures);
            Console.WriteLine($"// exchange {Target}: {ExchangeReport.Format(figures)}");
            Console.WriteLine($"// exchange table: {ExchangeReport.FilePath}");
        }

        await ReleaseAsync().ConfigureAwait(false);
    }

    private async Task ReleaseAsync()
    {
        Dispose();
        foreach (var database in _databases)
        {
            await database.DisposeAsync().ConfigureAwait(false);
        }

        _databases.Clear();
        foreach (var directory in _directories.Where(Directory.Exists))
        {
            Directory.Delete(directory, recursive: true);
        }

        _directories.Clear();
    }

    public void Dispose()
    {
        _sender?.Dispose();
        _receiver?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static string Describe(ExchangeRound r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Messages / r.FirstToLast.TotalSeconds:F0} msg/s first to last delivery, {r.Messages / r.Wall.TotalSeconds:F0} msg/s release to last; " +
        $"sender CPU {r.Sender.Server.TotalMicroseconds / r.Messages:F0} µs/msg, receiver CPU {r.Receiver.Server.TotalMicroseconds / r.Messages:F0} µs/msg, " +
        $"PostgreSQL {(r.Sender.Database + r.Receiver.Database).TotalMicroseconds / r.Messages:F0} µs/msg; machine busy {r.Sender.MachineBusyPercent:F0}%; " +
        $"{r.Attempts} attempts; receiver stored {r.Received.Rows} ({r.Received.Distinct} distinct, {r.Received.ExportData} export data)");
}
