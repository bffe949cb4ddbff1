using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.ReferenceData;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Domain.Tests.Validation;

/// <summary>Declarations that pass every rule, for tests to break one field at a time; and the fixed clock they are checked at.</summary>
internal static class ValidDeclarations
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public static ValidationContext Context { get; } = new() { Catalog = ReferenceCatalog.Default, Now = Now };

    /// <summary>Two items priced 2000 + 1000 USD under a 3000 USD invoice.</summary>
    public static Declaration Import() => new()
    {
        Type = "IMA",
        FunctionCode = "9",
        Lrn = "LRN-2026-0001",
        DeclarationOffice = "GB000040",
        IssueDateTime = Now.AddHours(-2),
        Declarant = new Party { Id = "GB123456789000" },
        Importer = new Party
        {
            Id = "GB987654321000",
            Name = "Harbour Imports Ltd",
            Address = new Address { Line = "1 Dock Road", City = "Felixstowe", Postcode = "IP11 3SY", Country = "GB" },
        },
        Exporter = new Party { Name = "Shenzhen Widgets Co", Address = new Address { City = "Shenzhen", Country = "CN" } },
        ExportCountry = "CN",
        DestinationCountry = "GB",
        RoutingCountries = ["CN", "SG", "GB"],
        GoodsLocation = "GBFXT",
        TradeTermsCode = "FOB",
        TradeTermsLocation = "GBWLA",
        Transport = new Transport
        {
            ModeAtBorder = "1",
            BorderMeansId = "9321483",
            BorderMeansNationality = "DK",
            TransportDocument = new DocumentReference { Type = "N705", Id = "MAEU123456789" },
            Containerised = true,
            Containers = [new Container { Sequence = 1, Id = "CSQU3054383", Seals = ["SEAL0001"] }],
        },
        GoodsItemQuantity = 2,
        TotalPackageQuantity = 30,
        TotalGrossMass = 130m,
        InvoiceAmount = Usd(3000m),
        Items =
        [
            new GoodsItem
            {
                Sequence = 1, HsCode = "847130", Description = "Laptop computers", Origin = "CN",
                NetMass = 20m, GrossMass = 25m, ProcedureCode = "40", PreviousProcedureCode = "00",
                Packages = [new Package { Type = "CT", Quantity = 10 }], ItemPrice = Usd(2000m),
            },
            new GoodsItem
            {
                Sequence = 2, HsCode = "6109100010", Description = "Cotton T-shirts", Origin = "CN",
                NetMass = 100m, GrossMass = 105m, ProcedureCode = "40",
                Packages = [new Package { Type = "CT", Quantity = 20 }], ItemPrice = Usd(1000m),
            },
        ],
    };

    public static Declaration Export() => Import() with
    {
        Type = "EXD",
        Lrn = "LRN-2026-EX01",
        Exporter = new Party { Id = "GB123456789000" },
        Importer = null,
        ExportCountry = "GB",
        DestinationCountry = "US",
    };

    public static Money Usd(decimal amount) => new() { Amount = amount, Currency = "USD" };

    /// <summary>The declaration's items with the first one replaced.</summary>
    public static Declaration WithFirstItem(this Declaration d, Func<GoodsItem, GoodsItem> change) =>
        d with { Items = [change(d.Items[0]), .. d.Items.Skip(1)] };

    public static Declaration WithTransport(this Declaration d, Func<Transport, Transport> change) =>
        d with { Transport = change(d.Transport!) };

    public static ValidationResult Validate(this Declaration d, ValidationContext? context = null) =>
        DeclarationValidator.Validate(d, context ?? Context);

    public static IEnumerable<(string Code, string Pointer)> Codes(this IEnumerable<Issue> issues) =>
        issues.Select(i => (i.Code, i.Pointer));

    /// <summary>The one error the change should cause, and nothing else.</summary>
    public static void AssertOnlyError(this ValidationResult result, string code, string pointer)
    {
        Assert.Equal([(code, pointer)], result.Errors.Codes());
        Assert.Empty(result.Warnings);
    }

    public static void AssertClean(this ValidationResult result)
    {
        Assert.Empty(result.Errors.Codes());
        Assert.Empty(result.Warnings.Codes());
    }
}
