using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;

namespace SmartCustoms.Targeting;

/// <summary>
/// A trained fraud-targeting model: frozen history tables plus a tree ensemble. Scoring runs the encoder and a flat
/// copy of the trees (thread-safe, no allocation); the ML.NET model is kept for saving and as the reference.
/// </summary>
public sealed class FraudModel
{
    private const string InfoEntry = "smartcustoms-fraud-model.json";
    private const string EncoderEntry = "encoder.json";
    private const string MlNetEntry = "mlnet-model.zip";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly TreeEnsembleScorer _scorer;

    internal FraudModel(MLContext ml, ITransformer transformer, FeatureEncoder encoder, ModelInfo info)
    {
        _ml = ml;
        _transformer = transformer;
        _scorer = MlNetData.ExtractScorer(transformer);
        if (_scorer.MaxFeatureIndex >= FeatureEncoder.FeatureCount)
        {
            throw new InvalidDataException($"the trees read feature {_scorer.MaxFeatureIndex}; the encoder has {FeatureEncoder.FeatureCount}");
        }

        Encoder = encoder;
        Info = info;
    }

    public ModelInfo Info { get; }

    /// <summary>The history tables and feature layout the model scores with.</summary>
    public FeatureEncoder Encoder { get; }

    internal FraudModel WithInfo(ModelInfo info) => new(_ml, _transformer, Encoder, info);

    /// <summary>Probability-like fraud score in [0, 1]: higher is riskier.</summary>
    public float Score(TargetingRecord record)
    {
        Span<float> features = stackalloc float[FeatureEncoder.FeatureCount];
        Encoder.Encode(record, features);
        return _scorer.Probability(features);
    }

    /// <summary>The score of an already encoded feature vector.</summary>
    public float ScoreFeatures(ReadOnlySpan<float> features) =>
        features.Length == FeatureEncoder.FeatureCount
            ? _scorer.Probability(features)
            : throw new ArgumentException($"expected {FeatureEncoder.FeatureCount} features", nameof(features));

    /// <summary>
    /// The <paramref name="top"/> feature groups that moved this record's score most, by occlusion: each group is put
    /// back to its neutral value (an unseen key, the usual value per kg, a median), the record is scored again, and
    /// the difference is the group's contribution. Positive pushed the score up.
    /// </summary>
    public IReadOnlyList<FeatureContribution> Explain(TargetingRecord record, int top)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        Span<float> actual = stackalloc float[FeatureEncoder.FeatureCount];
        Span<float> occluded = stackalloc float[FeatureEncoder.FeatureCount];
        Encoder.Encode(record, actual);
        var score = _scorer.Probability(actual);
        var contributions = new List<FeatureContribution>(FeatureEncoder.ExplanationGroupCount);
        for (var group = 0; group < FeatureEncoder.ExplanationGroupCount; group++)
        {
            actual.CopyTo(occluded);
            Encoder.Neutralise(group, record, occluded);
            var contribution = score - _scorer.Probability(occluded);
            contributions.Add(new FeatureContribution(FeatureEncoder.GroupName(group), contribution, Encoder.Describe(group, record)));
        }

        return [.. contributions.OrderByDescending(c => Math.Abs(c.Contribution)).ThenBy(c => c.Feature, StringComparer.Ordinal).Take(top)];
    }

    /// <summary>ML.NET's own scoring of the same model, one record at a time: the reference the fast scorer is checked against.</summary>
    public MlNetReferenceScorer CreateReferenceScorer() => new(_ml.Model.CreatePredictionEngine<FeatureRow, ScoredRow>(_transformer,
        inputSchemaDefinition: MlNetData.InputSchema()), Encoder);

    /// <summary>Writes a zip: the model description (JSON), the encoder tables (JSON) and the ML.NET model.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        using (var entry = zip.CreateEntry(InfoEntry, CompressionLevel.Optimal).Open())
        {
            JsonSerializer.Serialize(entry, Info, Json);
        }

        using (var entry = zip.CreateEntry(EncoderEntry, CompressionLevel.Optimal).Open())
        {
            Encoder.Write(entry);
        }

        using (var entry = zip.CreateEntry(MlNetEntry, CompressionLevel.NoCompression).Open())
        {
            // ML.NET writes a zip of its own, and needs a seekable stream for it.
            using var buffer = new MemoryStream();
            _ml.Model.Save(_transformer, MlNetData.Load(_ml, []).Schema, buffer);
            buffer.Position = 0;
            buffer.CopyTo(entry);
        }
    }

    /// <summary>Reads what <see cref="Save"/> wrote; <see cref="FraudModelFormatException"/> for anything else or a damaged file.</summary>
    public static FraudModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var infoEntry = zip.GetEntry(InfoEntry) ?? throw new FraudModelFormatException($"not a SmartCustoms fraud model: no {InfoEntry} inside the zip");
            ModelInfo? info;
            using (var entry = infoEntry.Open())
            {
                info = JsonSerializer.Deserialize<ModelInfo>(entry, Json);
            }

            if (info is null || info.Format != ModelInfo.FormatName)
            {
                throw new FraudModelFormatException($"not a SmartCustoms fraud model: {InfoEntry} names another format");
            }

            if (info.Version != ModelInfo.CurrentVersion)
            {
                throw new FraudModelFormatException($"fraud model format version {info.Version}; this SmartCustoms reads version {ModelInfo.CurrentVersion}");
            }

            FeatureEncoder encoder;
            using (var entry = Open(zip, EncoderEntry))
            {
                encoder = FeatureEncoder.Read(entry);
            }

            var ml = new MLContext(info.Seed);
            using var mlStream = new MemoryStream();
            using (var entry = Open(zip, MlNetEntry))
            {
                entry.CopyTo(mlStream);
            }

            mlStream.Position = 0;
            var transformer = ml.Model.Load(mlStream, out _);
            return new FraudModel(ml, transformer, encoder, info);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw new FraudModelFormatException("not a readable SmartCustoms fraud model: " + ex.Message, ex);
        }
    }

    private static Stream Open(ZipArchive zip, string name) =>
        (zip.GetEntry(name) ?? throw new FraudModelFormatException($"damaged fraud model: {name} is missing")).Open();
}

/// <summary>ML.NET's PredictionEngine over the same encoder: slow and single-threaded, kept as the reference.</summary>
public sealed class MlNetReferenceScorer : IDisposable
{
    private readonly PredictionEngine<FeatureRow, ScoredRow> _engine;
    private readonly FeatureEncoder _encoder;
    private readonly FeatureRow _row = new() { Features = new float[FeatureEncoder.FeatureCount] };

    internal MlNetReferenceScorer(PredictionEngine<FeatureRow, ScoredRow> engine, FeatureEncoder encoder)
    {
        _engine = engine;
        _encoder = encoder;
    }

    public float Score(TargetingRecord record)
    {
        _encoder.Encode(record, _row.Features);
        return _engine.Predict(_row).Probability;
    }

    public void Dispose() => _engine.Dispose();
}

/// <summary>A model file that is not a SmartCustoms fraud model, or is damaged.</summary>
public sealed class FraudModelFormatException : Exception
{
    public FraudModelFormatException() { }
    public FraudModelFormatException(string message) : base(message) { }
    public FraudModelFormatException(string message, Exception innerException) : base(message, innerException) { }
}
