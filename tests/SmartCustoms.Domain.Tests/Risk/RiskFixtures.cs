using System.Globalization;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Risk;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Domain.Tests.Risk;

/// <summary>Declarations and criteria written the way analysts and traders write them, for the risk tests.</summary>
internal static class RiskFixtures
{
    public static readonly DateOnly Today = new(2026, 3, 2);

    /// <summary>An import at GB000040 of the given items, from CN through SG, in one container.</summary>
    public static Declaration Import(params GoodsItem[] items) => new()
    {
        Type = "IMA",
        DeclarationOffice = "GB000040",
        Declarant = new Party { Id = "GB123456789000" },
        Importer = new Party { Id = "GB987654321000" },
        Exporter = new Party { Name = "Shenzhen Widgets Co", Address = new Address { Country = "CN" } },
        ExportCountry = "CN",
        DestinationCountry = "GB",
        RoutingCountries = ["CN", "SG", "GB"],
        Transport = new Transport { ModeAtBorder = "1", Containers = [new Container { Id = "CSQU3054383" }] },
        Items = items,
    };

    /// <summary>An item priced in national currency, sequence numbers following the order given.</summary>
    public static GoodsItem Item(int sequence, string hsCode, string origin, decimal value, decimal netMass, decimal? grossMass = null) => new()
    {
        Sequence = sequence,
        HsCode = hsCode,
        Origin = origin,
        NetMass = netMass,
        GrossMass = grossMass ?? netMass * 1.1m,
        ProcedureCode = "40",
        ItemPrice = new Money { Amount = value, Currency = "GBP" },
    };

    /// <summary>Laptops at 100 a kg from CN, and T-shirts at 10 a kg from VN.</summary>
    public static Declaration LaptopsAndShirts() => Import(
        Item(1, "8471300000", "CN", 2000m, 20m),
        Item(2, "6109100010", "VN", 1000m, 100m));

    public static RiskSubject Subject(Declaration declaration, TraderFacts? trader = null, ReferencePrices? prices = null) =>
        RiskSubject.Create(declaration, Today, trader, prices: prices);

    /// <summary>A criterion document around a condition, with optional extra top-level properties (ending with a comma).</summary>
    public static string Criterion(string when, string extra = "", string id = "test-criterion", decimal weight = 10m) =>
        $$"""{ "id": "{{id}}", "name": "Test criterion", "weight": {{weight.ToString(CultureInfo.InvariantCulture)}}, {{extra}} "when": {{when}} }""";

    public static CompiledCriterion Compile(string json, int version = 1)
    {
        var result = Compiled(json, version);
        Assert.Empty(result.Errors);
        return result.Criterion!;
    }

    public static CompileResult Compiled(string json, int version = 1)
    {
        var parsed = CriterionJson.Parse(json);
        Assert.Null(parsed.Refusal);
        return CriterionCompiler.Compile(parsed.Value, version);
    }

    public static IReadOnlyList<(string Code, string Pointer)> ErrorsOf(string json) =>
        [.. Compiled(json).Errors.Select(e => (e.Code, e.Pointer))];

    /// <summary>Whether a criterion with this condition hits the subject; null-safe shorthand for operator tests.</summary>
    public static bool Hits(string when, RiskSubject subject) => Compile(Criterion(when)).Evaluate(subject) is not null;

    public static CriterionHit Hit(string id, decimal weight, Lane? minimumLane = null, int version = 1) =>
        new(id, version, "Criterion " + id, weight, minimumLane, []);

    public static IReadOnlyList<Issue> CheckDigitWarning { get; } =
        [Issue.Warning("container.check-digit", "Container number fails the ISO 6346 check digit.", "/transport/containers/0/id")];
}
