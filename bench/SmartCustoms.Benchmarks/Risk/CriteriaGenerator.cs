using System.Globalization;
using System.Text;
using SmartCustoms.Domain.Risk;

namespace SmartCustoms.Benchmarks.Risk;

/// <summary>One generated criterion in both languages: SmartCustoms criteria JSON and a RulesEngine lambda expression.</summary>
public sealed record GeneratedCriterion(string Id, int Weight, string Json, string RulesEngineExpression, bool ItemScope);

/// <summary>
/// Deterministic criteria built around facts of the synthetic declarations (an anchor item of a random declaration,
/// widened a little), so that each hits a few percent of them. Each condition is a small tree translated node by
/// node: item-scoped criteria become <c>input1.Items.Any(i =&gt; ...)</c>, which is the engine's own semantics
/// (one single item satisfies the whole condition, declaration fields included).
/// </summary>
public static class CriteriaGenerator
{
    public static IReadOnlyList<GeneratedCriterion> Generate(IReadOnlyList<RiskSubject> subjects, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var random = new Random(seed);
        var withItems = subjects.Where(s => s.Items.Count > 0 && s.Items[0].HsCode is { Length: >= 6 }).ToArray();
        var origins = Distinct(subjects.SelectMany(s => s.Items).Select(i => i.Origin));
        var routing = Distinct(subjects.SelectMany(s => s.RoutingCountries));
        var hs4 = Distinct(subjects.SelectMany(s => s.Items).Select(i => i.Hs4));
        var importers = Distinct(subjects.Select(s => s.ImporterId));
        var result = new List<GeneratedCriterion>(count);
        for (var n = 0; n < count; n++)
        {
            var subject = withItems[random.Next(withItems.Length)];
            var item = subject.Items[random.Next(subject.Items.Count)];
            var hs = item.HsCode!;
            Node when = (n % 8) switch
            {
                0 => All(StartsWith("hsCode", hs[..4], Pick(random, hs4)[..4]), Number("valuePerKg", "lt", Scale(item.ValuePerKg, 0.8m))),
                1 => All(In("origin", item.Origin, Pick(random, origins)), StartsWith("hsCode", hs[..4]), Number("unitPriceRatio", "lt", 0.7m)),
                2 => All(StartsWith("hsCode", hs[..4]), Number("unitPriceRatio", "gt", 1.4m)),
                3 => All(Bool("newTrader", true), StartsWith("hsCode", hs[..4], Pick(random, hs4)[..4])),
                4 => All(Contains("routingCountries", subject.RoutingCountries.Count > 0 ? subject.RoutingCountries[0] : Pick(random, routing)), In("origin", item.Origin, Pick(random, origins), Pick(random, origins))),
                5 => In("importer.id", subject.ImporterId, Pick(random, importers), Pick(random, importers)),
                6 => Any(
                    All(StartsWith("hsCode", hs[..6]), In("origin", item.Origin)),
                    All(Number("valuePerKg", "gt", Scale(item.ValuePerKg, 3m)), new Not(In("origin", item.Origin, Pick(random, origins))), StartsWith("hsCode", hs[..4]))),
                _ => All(In("exportCountry", subject.ExportCountry, Pick(random, origins)), Text("transportMode", subject.TransportMode),
                    Number("totalCustomsValue", "gt", Scale(subject.TotalCustomsValue, 1.5m)), new Not(Text("declarant.id", subject.DeclarantId))),
            };
            var id = "bench-" + n.ToString("D3", CultureInfo.InvariantCulture);
            var weight = 10 + random.Next(19) * 10;
            var json = $$"""{ "id": "{{id}}", "name": "Benchmark criterion {{n}}", "weight": {{weight}}, "when": {{when.Json()}} }""";
            var itemScope = when.ItemScope;
            var expression = itemScope ? $"input1.Items.Any(i => {when.Linq()})" : when.Linq();
            result.Add(new GeneratedCriterion(id, weight, json, expression, itemScope));
        }

        return result;
    }

    private static string[] Distinct(IEnumerable<string?> values) =>
        [.. values.OfType<string>().Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static decimal Scale(decimal? value, decimal factor) => Math.Round((value ?? 100m) * factor, 2);

    private static AllNode All(params Node[] children) => new(children);

    private static AnyNode Any(params Node[] children) => new(children);

    private static Leaf StartsWith(string field, params string[] prefixes) => new(field, "startsWith", [.. prefixes.Distinct(StringComparer.Ordinal)], null, null);

    private static Leaf In(string field, params string?[] values)
    {
        string[] texts = [.. values.OfType<string>().Distinct(StringComparer.Ordinal)];
        return new(field, "in", texts.Length > 0 ? texts : ["ZZ"], null, null);
    }

    private static Leaf Text(string field, string? value) => new(field, "eq", [value ?? "ZZ"], null, null);

    private static Leaf Number(string field, string op, decimal value) => new(field, op, [], value, null);

    private static Leaf Bool(string field, bool value) => new(field, "eq", [], null, value);

    private static Leaf Contains(string field, string value) => new(field, "contains", [value], null, null);

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private abstract record Node
    {
        public abstract bool ItemScope { get; }

        public abstract string Json();

        /// <summary>The Dynamic LINQ text: item fields read from the lambda's <c>i</c>, declaration fields from <c>input1</c>.</summary>
        public abstract string Linq();
    }

    private sealed record AllNode(Node[] Children) : Node
    {
        public override bool ItemScope => Children.Any(c => c.ItemScope);

        public override string Json() => "{ \"all\": [" + string.Join(", ", Children.Select(c => c.Json())) + "] }";

        public override string Linq() => "(" + string.Join(" && ", Children.Select(c => c.Linq())) + ")";
    }

    private sealed record AnyNode(Node[] Children) : Node
    {
        public override bool ItemScope => Children.Any(c => c.ItemScope);

        public override string Json() => "{ \"any\": [" + string.Join(", ", Children.Select(c => c.Json())) + "] }";

        public override string Linq() => "(" + string.Join(" || ", Children.Select(c => c.Linq())) + ")";
    }

    private sealed record Not(Node Child) : Node
    {
        public override bool ItemScope => Child.ItemScope;

        public override string Json() => "{ \"not\": " + Child.Json() + " }";

        public override string Linq() => "!(" + Child.Linq() + ")";
    }

    private sealed record Leaf(string Field, string Op, string[] Texts, decimal? Value, bool? Flag) : Node
    {
        private static readonly Dictionary<string, string> Members = new(StringComparer.Ordinal)
        {
            ["hsCode"] = "i.HsCode",
            ["origin"] = "i.Origin",
            ["customsValue"] = "i.CustomsValue",
            ["valuePerKg"] = "i.ValuePerKg",
            ["unitPriceRatio"] = "i.UnitPriceRatio",
            ["exportCountry"] = "input1.ExportCountry",
            ["transportMode"] = "input1.TransportMode",
            ["declarant.id"] = "input1.DeclarantId",
            ["importer.id"] = "input1.ImporterId",
            ["routingCountries"] = "input1.RoutingCountries",
            ["totalCustomsValue"] = "input1.TotalCustomsValue",
            ["newTrader"] = "input1.NewTrader",
        };

        public override bool ItemScope => Members[Field].StartsWith("i.", StringComparison.Ordinal);

        public override string Json()
        {
            var head = "{ \"field\": " + Quote(Field) + ", \"op\": " + Quote(Op) + ", ";
            if (Value is { } number)
            {
                return head + "\"value\": " + number.ToString(CultureInfo.InvariantCulture) + " }";
            }

            if (Flag is { } flag)
            {
                return head + "\"value\": " + (flag ? "true" : "false") + " }";
            }

            return Op is "in" or "startsWith"
                ? head + "\"values\": [" + string.Join(", ", Texts.Select(Quote)) + "] }"
                : head + "\"value\": " + Quote(Texts[0]) + " }";
        }

        // Missing facts are false in the criteria language, including under ne and notIn: hence the null tests.
        public override string Linq()
        {
            var member = Members[Field];
            return Op switch
            {
                "startsWith" => "(" + member + " != null && (" + string.Join(" || ", Texts.Select(t => member + ".StartsWith(" + Quote(t) + ")")) + "))",
                "in" => "(" + string.Join(" || ", Texts.Select(t => member + " == " + Quote(t))) + ")",
                "eq" when Flag is { } flag => member + " == " + (flag ? "true" : "false"),
                "eq" => member + " == " + Quote(Texts[0]),
                "contains" => member + ".Contains(" + Quote(Texts[0]) + ")",
                "lt" => "(" + member + " != null && " + member + " < " + Decimal(Value) + ")",
                "gt" => "(" + member + " != null && " + member + " > " + Decimal(Value) + ")",
                _ => throw new InvalidOperationException("No translation for " + Op),
            };
        }

        private static string Decimal(decimal? value) => value!.Value.ToString(CultureInfo.InvariantCulture) + "m";
    }
}
