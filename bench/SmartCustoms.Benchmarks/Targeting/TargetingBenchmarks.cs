using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using SmartCustoms.Targeting;

namespace SmartCustoms.Benchmarks.Targeting;

/// <summary>
/// Scoring the fraud model over the 8,134 declarations of kcs-valid: the flat tree scorer on one thread and on all
/// cores (one partition per core), against ML.NET's PredictionEngine on the same model and the same encoded
/// features. Features are computed inside every case. OperationsPerInvoke is the number of declarations, so Mean
/// is per declaration and Op/s is declarations per second.
/// </summary>
[Config(typeof(SharedMachineConfig))]
public class TargetingBenchmarks
{
    private const int Declarations = 8134;

    private FraudModel _model = null!;
    private MlNetReferenceScorer _reference = null!;
    private TargetingRecord[] _records = [];
    private float[] _scores = [];

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "fraud");
        var train = KcsCsv.Read(Path.Combine(folder, "kcs-train.csv"));
        var started = Stopwatch.GetTimestamp();
        _model = FraudModelTrainer.Train(train, new TrainingOptions(), progress: null);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// targeting: trained on {train.Count} rows in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s, {_model.Info.Trees} trees"));
        _records = [.. KcsCsv.Read(Path.Combine(folder, "kcs-valid.csv")).Select(r => r.Record)];
        if (_records.Length != Declarations)
        {
            throw new InvalidOperationException($"kcs-valid.csv has {_records.Length} rows, not {Declarations}");
        }

        _scores = new float[_records.Length];
        _reference = _model.CreateReferenceScorer();
    }

    [GlobalCleanup]
    public void Cleanup() => _reference.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Declarations)]
    public float MlNetPredictionEngine()
    {
        var sum = 0f;
        foreach (var record in _records)
        {
            sum += _reference.Score(record);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Declarations)]
    public float FastScorerOneThread() => ScoreRange(0, _records.Length);

    [Benchmark(OperationsPerInvoke = Declarations)]
    public float FastScorerAllCores()
    {
        var partitions = Environment.ProcessorCount;
        var size = (_records.Length + partitions - 1) / partitions;
        Parallel.For(0, partitions, p => ScoreRange(p * size, Math.Min(_records.Length, (p + 1) * size)));
        return _scores[^1];
    }

    /// <summary>Scores records [start, end) into their slots: partitions never share a slot.</summary>
    private float ScoreRange(int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            _scores[i] = _model.Score(_records[i]);
        }

        return _scores[end - 1];
    }
}
