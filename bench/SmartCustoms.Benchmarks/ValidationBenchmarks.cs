using BenchmarkDotNet.Attributes;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.ReferenceData;
using SmartCustoms.Domain.Tariffs;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Benchmarks;

/// <summary>
/// The node's in-process work per declaration, without HTTP or storage. Each benchmark runs on one thread, so
/// Op/s is declarations per second per core.
/// </summary>
[Config(typeof(SharedMachineConfig))]
public class ValidationBenchmarks
{
    private byte[] _json = [];
    private byte[] _xml = [];
    private Declaration _declaration = null!;
    private ValidationContext _context = null!;
    private TariffSchedule _tariff = null!;

    [GlobalSetup]
    public void Setup()
    {
        _json = SampleDeclarations.ImportJson("LRN-BENCH-0001");
        _xml = SampleDeclarations.WcoXml();
        _tariff = TariffFile.LoadDemo();
        // A fixed clock keeps date rules deterministic across runs; the catalog load is start-up cost, timed elsewhere.
        _context = new ValidationContext
        {
            Catalog = ReferenceCatalog.Default,
            Now = new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero),
        };
        _declaration = DeclarationDocument.Read(_json, DeclarationFormat.Json).Declaration
            ?? throw new InvalidOperationException("The benchmark declaration does not read.");

        // A sample that fails validation would time the error path, which is cheaper and not what lodging does.
        var result = DeclarationCheck.Run(_declaration, _context, _tariff);
        if (!result.IsAccepted || result.Assessment is null)
        {
            throw new InvalidOperationException("The benchmark declaration is refused: " + string.Join("; ", result.Errors.Select(e => e.Code + " " + e.Pointer)));
        }

        var xml = DeclarationDocument.Read(_xml, DeclarationFormat.WcoXml);
        if (xml.Declaration is null || xml.Issues.Any(i => i.Severity == IssueSeverity.Error))
        {
            throw new InvalidOperationException("The WCO sample does not read: " + string.Join("; ", xml.Issues.Select(i => i.Code)));
        }
    }

    /// <summary>Validation and duty assessment of a parsed four-item import declaration.</summary>
    [Benchmark(Baseline = true)]
    public CheckResult Check() => DeclarationCheck.Run(_declaration, _context, _tariff);

    /// <summary>JSON bytes (1.6 KB, four items) into the canonical model.</summary>
    [Benchmark]
    public DeclarationDocument ReadJson() => DeclarationDocument.Read(_json, DeclarationFormat.Json);

    /// <summary>The WCO DMS import sample (17 KB of XML) into the canonical model.</summary>
    [Benchmark]
    public DeclarationDocument ReadWcoXml() => DeclarationDocument.Read(_xml, DeclarationFormat.WcoXml);

    /// <summary>What the lodging endpoint computes before storing: read, check, and the content hash for idempotency.</summary>
    [Benchmark]
    public string ReadCheckHashJson()
    {
        var declaration = DeclarationDocument.Read(_json, DeclarationFormat.Json).Declaration!;
        var result = DeclarationCheck.Run(declaration, _context, _tariff);
        return result.IsAccepted ? DeclarationJson.ContentHash(declaration) : "";
    }
}
