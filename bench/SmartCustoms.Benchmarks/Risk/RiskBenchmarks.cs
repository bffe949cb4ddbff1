using System.Globalization;
using BenchmarkDotNet.Attributes;
using RulesEngine.Models;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Domain.Synthetic;

namespace SmartCustoms.Benchmarks.Risk;

/// <summary>
/// Risk assessment of 2,000 synthetic declarations against 200 generated criteria, by the SmartCustoms engine on
/// one thread and on every core, and by Microsoft RulesEngine 6.0.1 on one thread with the same criteria translated
/// to its lambda expressions. <c>OperationsPerInvoke</c> is the number of declarations: Mean is per declaration,
/// Op/s is declarations per second. Each timed operation derives the facts from the parsed declaration
/// (<see cref="RiskSubject.Create"/>) and evaluates them; the RulesEngine side also copies them into its flat input.
/// </summary>
[Config(typeof(SharedMachineConfig))]
public class RiskBenchmarks
{
    public const int DeclarationCount = 2_000;
    public const int CriterionCount = 200;
    private const string Workflow = "risk";
    private const int ChunkSize = 50;

    private GeneratedDeclaration[] _declarations = [];
    private TraderFacts[] _traders = [];
    private double[] _draws = [];
    private ReferencePrices _prices = ReferencePrices.Empty;
    private RiskEngine _engine = null!;
    private LaneSettings _settings = null!;
    private Thresholds _thresholds = null!;
    private global::RulesEngine.RulesEngine _rules = null!;

    [GlobalSetup]
    public void Setup()
    {
        _declarations = [.. SyntheticDeclarations.Generate(new SyntheticOptions { Count = DeclarationCount, Seed = 1 })];

        // Trader history from the set itself: a declarant with fewer than three earlier declarations is new.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        _traders = new TraderFacts[_declarations.Length];
        for (var i = 0; i < _declarations.Length; i++)
        {
            var id = _declarations[i].Declaration.Declarant?.Id ?? "";
            var past = seen.GetValueOrDefault(id);
            seen[id] = past + 1;
            _traders[i] = new TraderFacts(past < 3, null, past, 0);
        }

        // Reference prices: the median value per kg of each HS6 subheading in the set.
        var plain = _declarations.Select(d => RiskSubject.Create(d.Declaration, d.Date)).ToArray();
        _prices = new ReferencePrices(plain.SelectMany(s => s.Items)
            .Where(i => i.Hs6 is not null && i.ValuePerKg is not null)
            .GroupBy(i => i.Hs6!, StringComparer.Ordinal)
            .Select(g =>
            {
                var sorted = g.Select(i => i.ValuePerKg!.Value).Order().ToArray();
                return KeyValuePair.Create(g.Key, sorted[sorted.Length / 2]);
            })
            .Where(p => p.Value > 0m));

        var random = new Random(7);
        _draws = [.. _declarations.Select(_ => random.NextDouble())];
        var subjects = Enumerable.Range(0, _declarations.Length).Select(Subject).ToArray();

        var generated = CriteriaGenerator.Generate(subjects, CriterionCount, seed: 42);
        if (!CriterionJson.ParseList("[" + string.Join(",\n", generated.Select(g => g.Json)) + "]").TryGetValue(out var documents, out var refusal))
        {
            var error = refusal.Issues[0];
            throw new InvalidOperationException($"The generated criteria do not parse: {error.Code} {error.Pointer} {error.Message}");
        }

        var compiled = new List<CompiledCriterion>(documents.Count);
        foreach (var document in documents)
        {
            var result = CriterionCompiler.Compile(document, 1);
            if (!result.IsValid)
            {
                throw new InvalidOperationException($"Criterion {document.Id} does not compile: " + string.Join("; ", result.Errors.Select(e => e.Code + " " + e.Pointer + " " + e.Message)));
            }

            compiled.Add(result.Criterion!);
        }

        _engine = new RiskEngine(CriteriaSet.Create(compiled));
        _settings = new LaneSettings { Office = "XX000001" };
        _thresholds = Thresholds.FromFallback(_settings);

        var workflow = new Workflow
        {
            WorkflowName = Workflow,
            Rules = [.. generated.Select(g => new Rule { RuleName = g.Id, Expression = g.RulesEngineExpression, RuleExpressionType = RuleExpressionType.LambdaExpression })],
        };
        _rules = new global::RulesEngine.RulesEngine([workflow], new ReSettings());

        Compare(subjects, generated);
    }

    /// <summary>Both engines on every declaration: hit counts must agree, and no RulesEngine rule may have failed to parse or run.</summary>
    private void Compare(RiskSubject[] subjects, IReadOnlyList<GeneratedCriterion> generated)
    {
        var hits = new List<CriterionHit>();
        var byCriterion = new int[generated.Count];
        var index = generated.Select((g, i) => (g.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        int mismatches = 0, mismatchesDeclarationLevel = 0, total = 0, totalRules = 0, selected = 0;
        for (var d = 0; d < subjects.Length; d++)
        {
            hits.Clear();
            _engine.Score(subjects[d], hits, out _);
            var results = _rules.ExecuteAllRulesAsync(Workflow, RuleInput.From(subjects[d])).AsTask().GetAwaiter().GetResult();
            if (results.FirstOrDefault(r => !string.IsNullOrEmpty(r.ExceptionMessage)) is { } failed)
            {
                throw new InvalidOperationException($"RulesEngine rule {failed.Rule.RuleName} failed on declaration {d}: {failed.ExceptionMessage} ({failed.Rule.Expression})");
            }

            var ruleHits = results.Where(r => r.IsSuccess).Select(r => index[r.Rule.RuleName]).ToHashSet();
            var ourHits = hits.Select(h => index[h.Id]).ToHashSet();
            foreach (var h in ourHits)
            {
                byCriterion[h]++;
            }

            total += ourHits.Count;
            totalRules += ruleHits.Count;
            if (!ourHits.SetEquals(ruleHits))
            {
                mismatches++;
                var declarationLevel = ourHits.Where(h => !generated[h].ItemScope).ToHashSet();
                if (!declarationLevel.SetEquals(ruleHits.Where(h => !generated[h].ItemScope)))
                {
                    mismatchesDeclarationLevel++;
                }
            }

            if (_engine.Assess(subjects[d], _thresholds, _settings, _draws[d]).Lane != Lane.Green)
            {
                selected++;
            }
        }

        var rates = byCriterion.Select(c => 100.0 * c / subjects.Length).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// risk: {subjects.Length} declarations, {generated.Count} criteria ({generated.Count(g => g.ItemScope)} item-scoped); hits SmartCustoms {total}, RulesEngine {totalRules}; " +
            $"declarations whose hit set differs: {mismatches} (declaration-level criteria: {mismatchesDeclarationLevel}); " +
            $"hit rate per criterion median {rates[rates.Length / 2]:0.00} %, max {rates[^1]:0.00} %, zero-hit criteria {rates.Count(r => r == 0)}; not green (fallback thresholds) {selected}"));
        if (mismatches > 0)
        {
            throw new InvalidOperationException($"The engines disagree on {mismatches} declarations.");
        }
    }

    private RiskSubject Subject(int i) => RiskSubject.Create(_declarations[i].Declaration, _declarations[i].Date, _traders[i], prices: _prices);

    [Benchmark(Baseline = true, OperationsPerInvoke = DeclarationCount)]
    public int SmartCustomsOneThread() => Assess(0, _declarations.Length);

    /// <summary>
    /// Chunks of <see cref="ChunkSize"/> declarations taken in turn by one worker per core: on a shared machine a
    /// core slowed by a neighbour takes fewer chunks, where one fixed half per core would leave the other idle.
    /// Each worker adds its count once, so no shared counter is written per declaration.
    /// </summary>
    [Benchmark(OperationsPerInvoke = DeclarationCount)]
    public int SmartCustomsAllCores()
    {
        var chunks = (_declarations.Length + ChunkSize - 1) / ChunkSize;
        var selected = 0;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => 0,
            (chunk, _, count) => count + Assess(chunk * ChunkSize, Math.Min(_declarations.Length, (chunk + 1) * ChunkSize)),
            count => Interlocked.Add(ref selected, count));
        return selected;
    }

    [Benchmark(OperationsPerInvoke = DeclarationCount)]
    public async Task<int> RulesEngineOneThread()
    {
        var hits = 0;
        for (var i = 0; i < _declarations.Length; i++)
        {
            var results = await _rules.ExecuteAllRulesAsync(Workflow, RuleInput.From(Subject(i)));
            foreach (var result in results)
            {
                hits += result.IsSuccess ? 1 : 0;
            }
        }

        return hits;
    }

    private int Assess(int from, int to)
    {
        var selected = 0;
        for (var i = from; i < to; i++)
        {
            var decision = _engine.Assess(Subject(i), _thresholds, _settings, _draws[i]);
            selected += decision.Lane == Lane.Green ? 0 : 1;
        }

        return selected;
    }
}
