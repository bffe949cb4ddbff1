using System.Linq.Expressions;

namespace SmartCustoms.Domain.Risk;

public enum RiskFieldType
{
    String,
    Number,
    Boolean,
    StringList,
}

/// <summary>A fact criteria can test. Item fields are read per goods item; declaration fields once.</summary>
public sealed record RiskField
{
    internal RiskField(string name, RiskFieldType type, bool itemScope, string description, LambdaExpression accessor)
    {
        Name = name;
        Type = type;
        ItemScope = itemScope;
        Description = description;
        Accessor = accessor;
    }

    public string Name { get; }
    public RiskFieldType Type { get; }
    public bool ItemScope { get; }
    public string Description { get; }

    /// <summary>How to read the fact from a <see cref="RiskItem"/> (item fields) or a <see cref="RiskSubject"/>: inlined into each compiled criterion.</summary>
    internal LambdaExpression Accessor { get; }
}

/// <summary>The documented fields and operators of the criteria language (see docs/risk-criteria.md).</summary>
public static class RiskFields
{
    private static readonly RiskField[] Fields = [.. Build()];
    private static readonly Dictionary<string, RiskField> ByName = Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>Every field, in documentation order: item fields first.</summary>
    public static IReadOnlyList<RiskField> All => Fields;

    public static RiskField? Find(string name) => ByName.GetValueOrDefault(name);

    public static IReadOnlyList<string> Operators(RiskFieldType type) => type switch
    {
        RiskFieldType.String => ["eq", "ne", "in", "notIn", "startsWith", "exists"],
        RiskFieldType.Number => ["eq", "ne", "gt", "gte", "lt", "lte", "between", "exists"],
        RiskFieldType.Boolean => ["eq", "exists"],
        _ => ["contains", "containsAny", "exists"],
    };

    private static IEnumerable<RiskField> Build()
    {
        yield return Item("hsCode", "HS code as declared (6 to 10 digits)", i => i.HsCode);
        yield return Item("origin", "country of origin (ISO 3166 alpha-2)", i => i.Origin);
        yield return Item("procedureCode", "requested procedure (2 digits)", i => i.ProcedureCode);
        yield return Item("netMass", "net mass, kg", i => i.NetMass);
        yield return Item("grossMass", "gross mass, kg", i => i.GrossMass);
        yield return Item("grossNetRatio", "gross mass / net mass", i => i.GrossNetRatio);
        yield return Item("quantity", "quantity in the supplementary unit", i => i.Quantity);
        yield return Item("customsValue", "customs value, national currency", i => i.CustomsValue);
        yield return Item("valuePerKg", "customs value per kg of net mass", i => i.ValuePerKg);
        yield return Item("unitPriceRatio", "value per kg / reference value per kg of the HS6 subheading", i => i.UnitPriceRatio);

        yield return Declaration("type", "declaration type, e.g. IMA", s => s.Type);
        yield return Declaration("category", "IM, EX or CO", s => s.Category);
        yield return Declaration("office", "customs office (declaration, else supervising, else exit)", s => s.Office);
        yield return Declaration("exportCountry", "country of export", s => s.ExportCountry);
        yield return Declaration("destinationCountry", "country of destination", s => s.DestinationCountry);
        yield return Declaration("transportMode", "mode at the border (UN Rec 19: 1 sea, 4 air, 5 post, ...)", s => s.TransportMode);
        yield return Declaration("borderMeansNationality", "nationality of the means of transport at the border", s => s.BorderMeansNationality);
        yield return Declaration("declarant.id", "declarant id", s => s.DeclarantId);
        yield return Declaration("importer.id", "importer id", s => s.ImporterId);
        yield return Declaration("exporter.id", "exporter id", s => s.ExporterId);
        yield return Declaration("exporter.country", "exporter's address country", s => s.ExporterCountry);
        yield return Declaration("consignor.id", "consignor id", s => s.ConsignorId);
        yield return Declaration("consignor.country", "consignor's address country", s => s.ConsignorCountry);
        yield return Declaration("consignee.id", "consignee id", s => s.ConsigneeId);
        yield return Declaration("agent.id", "agent (representative) id", s => s.AgentId);
        yield return Declaration("carrier.id", "carrier id", s => s.CarrierId);
        yield return Declaration("routingCountries", "countries of routing, in order", s => s.RoutingCountries);
        yield return Declaration("containers", "container numbers, upper case", s => s.Containers);
        yield return Declaration("containerCheckDigitFailed", "a container number fails its ISO 6346 check digit", s => (bool?)s.ContainerCheckDigitFailed);
        yield return Declaration("itemCount", "number of goods items", s => (decimal?)s.ItemCount);
        yield return Declaration("totalCustomsValue", "total customs value, national currency", s => s.TotalCustomsValue);
        yield return Declaration("newTrader", "the trader is new to this administration", s => (bool?)s.Trader.IsNewTrader);
        yield return Declaration("aeo", "the trader is an AEO (missing when unknown)", s => s.Trader.IsAeo);
        yield return Declaration("pastDeclarations", "the trader's past declarations", s => (decimal?)s.Trader.PastDeclarations);
        yield return Declaration("pastFindingRate", "share of the trader's past declarations with findings (missing without history)", s => s.Trader.PastFindingRate);
    }

    private static RiskField Item<T>(string name, string description, Expression<Func<RiskItem, T>> get) =>
        new(name, TypeOf<T>(), true, description, get);

    private static RiskField Declaration<T>(string name, string description, Expression<Func<RiskSubject, T>> get) =>
        new(name, TypeOf<T>(), false, description, get);

    private static RiskFieldType TypeOf<T>() =>
        typeof(T) == typeof(string) ? RiskFieldType.String
        : typeof(T) == typeof(decimal?) ? RiskFieldType.Number
        : typeof(T) == typeof(bool?) ? RiskFieldType.Boolean
        : typeof(T) == typeof(IReadOnlyList<string>) ? RiskFieldType.StringList
        : throw new InvalidOperationException($"No field type for {typeof(T)}.");
}
