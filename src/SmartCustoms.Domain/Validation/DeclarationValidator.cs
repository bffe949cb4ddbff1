using System.Globalization;
using SmartCustoms.Domain.Declarations;

namespace SmartCustoms.Domain.Validation;

/// <summary>
/// Validates a declaration against reference data and its own consistency. Pure: the same input and context
/// always give the same issues, all of them at once, each pointing at its field.
/// </summary>
public static class DeclarationValidator
{
    public const int MaxItems = 999;

    public static ValidationResult Validate(Declaration declaration, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(context);
        var issues = new IssueList();
        Header(declaration, context, issues);
        PartyRules.Check(declaration, context.Catalog, issues);
        TransportRules.Check(declaration, context, issues);
        ItemRules.Check(declaration, context.Catalog, issues);
        InvoiceRules.Check(declaration, context, issues);
        return issues.ToResult();
    }

    private static void Header(Declaration d, ValidationContext context, IssueList issues)
    {
        var catalog = context.Catalog;
        if (Fields.Required(issues, d.Type, "/type", "The declaration type"))
        {
            var t = d.Type!;
            if (t.Length != 3 || d.Category is not ("IM" or "EX" or "CO") || !char.IsAsciiLetterUpper(t[2]))
            {
                issues.Error("type.invalid", $"Declaration type '{t}' must be IM, EX or CO followed by the additional type letter (e.g. IMA, EXD).", "/type");
            }
        }

        if (d.FunctionCode is { } fc && (fc.Length is < 1 or > 2 || !fc.All(char.IsAsciiDigit)))
        {
            issues.Error("function-code.invalid", $"Function code '{fc}' must be one or two digits (9 = original).", "/functionCode");
        }

        if (Fields.Required(issues, d.Lrn, "/lrn", "The trader's reference (LRN)"))
        {
            Fields.Text(issues, d.Lrn, 35, "/lrn", "The LRN");
        }

        Office(issues, d.DeclarationOffice, "/declarationOffice");
        Office(issues, d.SupervisingOffice, "/supervisingOffice");
        Office(issues, d.ExitOffice, "/exitOffice");

        if (d.IsImport)
        {
            Fields.Required(issues, d.ExportCountry, "/exportCountry", "The country of export");
        }

        if (d.IsExport)
        {
            Fields.Required(issues, d.DestinationCountry, "/destinationCountry", "The country of destination");
        }

        Fields.Country(issues, catalog, d.ExportCountry, "/exportCountry", "Country of export");
        Fields.Country(issues, catalog, d.DestinationCountry, "/destinationCountry", "Country of destination");
        for (var i = 0; i < d.RoutingCountries.Count; i++)
        {
            Fields.Country(issues, catalog, d.RoutingCountries[i], Fields.Index("/routingCountries", i), "Routing country");
        }

        Fields.Location(issues, catalog, d.GoodsLocation, "/goodsLocation", "Goods location");
        Fields.Location(issues, catalog, d.TradeTermsLocation, "/tradeTermsLocation", "Trade terms location");
        Fields.Text(issues, d.GoodsLocation, 35, "/goodsLocation", "The goods location");

        if (d.GoodsItemQuantity is { } count && count != d.Items.Count)
        {
            issues.Error("items.count-mismatch", $"The declaration says {count} goods items but carries {d.Items.Count}.", "/goodsItemQuantity");
        }

        if (d.TotalPackageQuantity is < 0)
        {
            issues.Error("out-of-range", "The total number of packages cannot be negative.", "/totalPackageQuantity");
        }

        Fields.Amount(issues, d.TotalGrossMass, "/totalGrossMass", "The total gross mass");
        Dates(d, context, issues);
    }

    private static void Office(IssueList issues, string? office, string pointer)
    {
        // Customs office ids are the country code followed by up to six characters (COL reference numbers).
        if (office is not null && (office.Length is < 3 or > 8 || !char.IsAsciiLetterUpper(office[0]) || !char.IsAsciiLetterUpper(office[1])
            || !office.All(char.IsAsciiLetterOrDigit)))
        {
            issues.Error("office.invalid", $"Customs office '{office}' must be a country code followed by up to six letters or digits (e.g. GB000040).", pointer);
        }
    }

    private static void Dates(Declaration d, ValidationContext context, IssueList issues)
    {
        if (d.IssueDateTime is not { } issued)
        {
            return;
        }

        if (issued > context.Now + context.FutureDateTolerance)
        {
            issues.Error("date.future", $"The issue date {issued.ToString("u", CultureInfo.InvariantCulture)} lies in the future.", "/issueDateTime");
        }
        else if (issued < context.Now - context.MaxDeclarationAge)
        {
            issues.Error("date.too-old", $"The issue date {issued.ToString("u", CultureInfo.InvariantCulture)} is older than customs accepts.", "/issueDateTime");
        }
    }
}
