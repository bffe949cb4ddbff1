using System.Xml.Linq;

namespace SmartCustoms.Domain.Declarations.Wco;

/// <summary>GovernmentAgencyGoodsItem → <see cref="GoodsItem"/>.</summary>
internal static class WcoItemMapper
{
    /// <summary>
    /// Classification types that carry the commodity code itself, most specific first. TSP is how UK CDS
    /// qualifies the 8-digit CN code. TRC (the 2-character TARIC add-on) and GN (national additional code)
    /// qualify codes that only make sense beside it, so they are never taken as the commodity code.
    /// </summary>
    private static readonly string[] CommodityCodeTypes = ["TARIC", "TSP", "CN", "HS"];

    public static IReadOnlyList<GoodsItem> Items(XElement? shipment, WcoReadContext context)
    {
        var items = new List<GoodsItem>();
        foreach (var element in shipment.Children("GovernmentAgencyGoodsItem"))
        {
            if (items.Count == WcoDeclarationReader.MaxItems)
            {
                context.Report("xml.too-many-items", $"A declaration may hold at most {WcoDeclarationReader.MaxItems} goods items; the rest were not read.", WcoXml.PointerOf(element));
                break;
            }

            items.Add(Item(element, context));
        }

        return items;
    }

    private static GoodsItem Item(XElement item, WcoReadContext context)
    {
        var commodity = item.Child("Commodity");
        var measure = commodity.Child("GoodsMeasure");
        var procedure = Procedure(item, context);
        return new GoodsItem
        {
            Sequence = context.Integer(item.Child("SequenceNumeric")),
            HsCode = CommodityCode(commodity),
            Description = commodity.Text("Description"),
            Origin = Origin(item),
            NetMass = context.Kilograms(measure.Child("NetNetWeightMeasure")),
            GrossMass = context.Kilograms(measure.Child("GrossMassMeasure")),
            Quantity = context.Decimal(measure.Child("TariffQuantity")),
            QuantityUnit = measure.Child("TariffQuantity").AttributeText("unitCode"),
            Packages = [.. item.Children("Packaging").Select(packaging => Package(packaging, context))],
            ProcedureCode = procedure.Current,
            PreviousProcedureCode = procedure.Previous,
            AdditionalProcedureCodes = procedure.Additional,
            ItemPrice = context.Money(commodity.Path("InvoiceLine", "ItemChargeAmount")),
            CustomsValue = context.Money(item.Child("CustomsValueAmount")),
            StatisticalValue = context.Money(item.Child("StatisticalValueAmount")),
            ValuationMethod = item.Text("CustomsValuation", "MethodCode"),
            ValuationAdjustments = [.. item.Children("ValuationAdjustment").Select(a => new ValuationAdjustment { Code = a.Text("AdditionCode") })],
            PreviousDocuments = WcoHeaderMapper.Documents(item, "PreviousDocument", context),
            AdditionalDocuments = WcoHeaderMapper.Documents(item, "AdditionalDocument", context),
        };
    }

    private static string? CommodityCode(XElement? commodity)
    {
        var classifications = commodity.Children("Classification").ToList();
        foreach (var type in CommodityCodeTypes)
        {
            if (classifications.FirstOrDefault(c => string.Equals(c.Text("IdentificationTypeCode"), type, StringComparison.Ordinal)) is { } typed)
            {
                return typed.Text("ID");
            }
        }

        // Profiles outside DMS may leave the qualifier out when only the commodity code is given.
        return classifications.FirstOrDefault(c => c.Text("IdentificationTypeCode") is null).Text("ID");
    }

    /// <summary>Non-preferential origin (TypeCode 1) is the country of origin; a lone preferential one stands in for it.</summary>
    private static string? Origin(XElement item)
    {
        var origins = item.Children("Origin").ToList();
        var origin = origins.FirstOrDefault(o => string.Equals(o.Text("TypeCode"), "1", StringComparison.Ordinal)) ?? origins.FirstOrDefault();
        return origin.Text("CountryCode");
    }

    private static Package Package(XElement packaging, WcoReadContext context) => new()
    {
        Type = packaging.Text("TypeCode"),
        Quantity = context.Integer(packaging.Child("QuantityQuantity")),
        Marks = packaging.Text("MarksNumbersID"),
    };

    /// <summary>
    /// DMS splits the procedure over repeated GovernmentProcedure elements: the one with a 2-digit CurrentCode
    /// is the requested procedure (with the previous one beside it), 3-digit ones are additional procedures.
    /// </summary>
    private static (string? Current, string? Previous, IReadOnlyList<string> Additional) Procedure(XElement item, WcoReadContext context)
    {
        string? current = null;
        string? previous = null;
        var additional = new List<string>();
        foreach (var procedure in item.Children("GovernmentProcedure"))
        {
            var code = procedure.Child("CurrentCode");
            switch (code.Text())
            {
                case { Length: 2 } requested when current is null:
                    current = requested;
                    previous = procedure.Text("PreviousCode");
                    break;
                case { Length: 3 } extra:
                    additional.Add(extra);
                    break;
                case { } other:
                    context.Report(
                        "xml.unexpected-procedure-code",
                        $"CurrentCode '{WcoReadContext.Shorten(other)}' is neither the one 2-digit requested procedure nor a 3-digit additional procedure.",
                        WcoXml.PointerOf(code!));
                    break;
            }
        }

        return (current, previous, additional);
    }
}
