using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.ReferenceData;

namespace SmartCustoms.Domain.Validation;

internal static class ItemRules
{
    public static void Check(Declaration d, ReferenceCatalog catalog, IssueList issues)
    {
        if (d.Items.Count == 0)
        {
            issues.Error("items.required", "A declaration needs at least one goods item.", "/items");
            return;
        }

        if (d.Items.Count > DeclarationValidator.MaxItems)
        {
            issues.Error("items.too-many", $"A declaration carries at most {DeclarationValidator.MaxItems} goods items; this one has {d.Items.Count}.", "/items");
            return;
        }

        var sequences = new HashSet<int>();
        for (var i = 0; i < d.Items.Count; i++)
        {
            var item = d.Items[i];
            var pointer = Fields.Index("/items", i);
            if (item is null)
            {
                issues.Error("required", "A goods item cannot be null.", pointer);
                continue;
            }

            if (item.Sequence is { } seq && (seq < 1 || seq > DeclarationValidator.MaxItems || !sequences.Add(seq)))
            {
                issues.Error("item.sequence-invalid", $"Item sequence number {seq} is out of range or repeated.", pointer + "/sequence");
            }

            Item(d, item, pointer, catalog, issues);
        }
    }

    private static void Item(Declaration d, GoodsItem item, string pointer, ReferenceCatalog catalog, IssueList issues)
    {
        if (Fields.Required(issues, item.HsCode, pointer + "/hsCode", "The commodity code") && !catalog.IsValidTariffCode(item.HsCode!))
        {
            issues.Error("hs.unknown", $"'{item.HsCode}' is not an HS 2022 subheading (6 digits, or 8 or 10 digits whose first 6 are one).", pointer + "/hsCode");
        }

        if (Fields.Required(issues, item.Description, pointer + "/description", "The goods description"))
        {
            Fields.Text(issues, item.Description, 512, pointer + "/description", "The goods description");
        }

        if (d.IsImport)
        {
            Fields.Required(issues, item.Origin, pointer + "/origin", "The country of origin");
        }

        Fields.Country(issues, catalog, item.Origin, pointer + "/origin", "Country of origin");
        Masses(item, pointer, issues);
        Fields.Amount(issues, item.Quantity, pointer + "/quantity", "The quantity");
        Fields.Text(issues, item.QuantityUnit, 6, pointer + "/quantityUnit", "The quantity unit");
        for (var p = 0; p < item.Packages.Count; p++)
        {
            var package = item.Packages[p];
            var packagePointer = Fields.Index(pointer + "/packages", p);
            if (package is null)
            {
                issues.Error("required", "A package cannot be null.", packagePointer);
                continue;
            }

            Fields.Text(issues, package.Type, 2, packagePointer + "/type", "The package type");
            if (package.Quantity is < 0)
            {
                issues.Error("out-of-range", "The number of packages cannot be negative.", packagePointer + "/quantity");
            }
        }

        Procedure(item, pointer, issues);
        MoneyField(item.ItemPrice, pointer + "/itemPrice", "The item price", catalog, issues);
        MoneyField(item.CustomsValue, pointer + "/customsValue", "The customs value", catalog, issues);
        MoneyField(item.StatisticalValue, pointer + "/statisticalValue", "The statistical value", catalog, issues);
        for (var a = 0; a < item.ValuationAdjustments.Count; a++)
        {
            MoneyField(item.ValuationAdjustments[a]?.Amount, Fields.Index(pointer + "/valuationAdjustments", a) + "/amount", "The adjustment", catalog, issues);
        }

        if (d.IsImport && item.ItemPrice?.Amount is null && item.CustomsValue?.Amount is null)
        {
            issues.Error("item.value-required", "An imported goods item needs its price or its customs value.", pointer + "/itemPrice");
        }
    }

    private static void Masses(GoodsItem item, string pointer, IssueList issues)
    {
        Fields.Amount(issues, item.NetMass, pointer + "/netMass", "The net mass");
        Fields.Amount(issues, item.GrossMass, pointer + "/grossMass", "The gross mass");
        if (item.NetMass is { } net && item.GrossMass is { } gross && gross < net)
        {
            issues.Error("mass.gross-below-net", $"The gross mass ({gross} kg) is less than the net mass ({net} kg).", pointer + "/grossMass");
        }
    }

    private static void Procedure(GoodsItem item, string pointer, IssueList issues)
    {
        if (item.ProcedureCode is { } code && (code.Length != 2 || !code.All(char.IsAsciiDigit)))
        {
            issues.Error("procedure.invalid", $"Procedure code '{code}' must be two digits (e.g. 40 release for free circulation).", pointer + "/procedureCode");
        }

        if (item.PreviousProcedureCode is { } previous && (previous.Length != 2 || !previous.All(char.IsAsciiDigit)))
        {
            issues.Error("procedure.invalid", $"Previous procedure code '{previous}' must be two digits.", pointer + "/previousProcedureCode");
        }

        for (var i = 0; i < item.AdditionalProcedureCodes.Count; i++)
        {
            Fields.Text(issues, item.AdditionalProcedureCodes[i], 3, Fields.Index(pointer + "/additionalProcedureCodes", i), "The additional procedure code");
        }
    }

    private static void MoneyField(Money? money, string pointer, string what, ReferenceCatalog catalog, IssueList issues)
    {
        if (money is null)
        {
            return;
        }

        if (money.Amount is null)
        {
            issues.Error("required", $"{what} needs an amount.", pointer + "/amount");
        }

        Fields.Amount(issues, money.Amount, pointer + "/amount", what);
        Fields.Currency(issues, catalog, money.Currency, pointer + "/currency");
    }
}
