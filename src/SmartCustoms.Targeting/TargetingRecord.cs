using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Tariffs;

namespace SmartCustoms.Targeting;

/// <summary>
/// One declaration's raw facts in the column set of the Korea Customs Service data (KCS): what the fraud model
/// learns from and scores. Text fields are empty when unknown, never null, so that a missing value is a value.
/// </summary>
public sealed record TargetingRecord
{
    public string Office { get; init; } = "";
    public string ProcessType { get; init; } = "";
    public string ImportType { get; init; } = "";
    public string ImportUse { get; init; } = "";
    public string PaymentType { get; init; } = "";
    public string TransportMode { get; init; } = "";
    public string DeclarantId { get; init; } = "";
    public string ImporterId { get; init; } = "";
    public string SellerId { get; init; } = "";
    public string CourierId { get; init; } = "";

    /// <summary>HS subheading, 6 digits.</summary>
    public string Hs6 { get; init; } = "";
    public string DepartureCountry { get; init; } = "";
    public string OriginCountry { get; init; } = "";

    /// <summary>Duty rate in percent (8 means 8%).</summary>
    public double TaxRate { get; init; }
    public string TaxType { get; init; } = "";
    public string OriginIndicator { get; init; } = "";

    /// <summary>Net mass in kilograms.</summary>
    public double NetMass { get; init; }

    /// <summary>Item price in national currency (KRW in the KCS data).</summary>
    public double ItemPrice { get; init; }

    /// <summary>
    /// The facts of a canonical declaration. The KCS data has one HS code per declaration, so the record
    /// describes the declaration's <b>main item</b>: the one of highest customs value (assessed value when
    /// <paramref name="duties"/> is given, else the invoiced price), the first on a tie. Its own mass, price and
    /// duty rate are taken rather than consignment totals, so that value per kg compares like with like against
    /// the HS6 history. Fields the canonical model has no equivalent for (process type, payment type, origin
    /// indicator) stay empty and score as an unseen category.
    /// </summary>
    public static TargetingRecord From(Declaration declaration, DutyAssessment? duties)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        var (item, duty) = MainItem(declaration, duties);
        var hs = Digits(item?.HsCode);
        var rate = duty is null ? 0.0 : EffectiveRate(duty);
        return new TargetingRecord
        {
            Office = declaration.DeclarationOffice ?? declaration.SupervisingOffice ?? "",
            ImportType = declaration.Type ?? "",
            ImportUse = item?.ProcedureCode ?? "",
            TransportMode = declaration.Transport?.ModeAtBorder ?? "",
            DeclarantId = declaration.Declarant?.Id ?? "",
            ImporterId = declaration.Importer?.Id ?? declaration.Consignee?.Id ?? "",
            SellerId = declaration.Exporter?.Id ?? declaration.Consignor?.Id ?? "",
            CourierId = declaration.Carrier?.Id ?? "",
            Hs6 = hs.Length >= 6 ? hs[..6] : hs,
            DepartureCountry = declaration.ExportCountry ?? "",
            OriginCountry = item?.Origin ?? "",
            TaxRate = rate,
            TaxType = duty?.TariffLine is null ? "" : duty.DutyBasis.ToString(),
            NetMass = (double)(item?.NetMass ?? 0m),
            ItemPrice = (double)NationalValue(declaration, item, duty),
        };
    }

    private static (GoodsItem? Item, ItemDuty? Duty) MainItem(Declaration declaration, DutyAssessment? duties)
    {
        GoodsItem? best = null;
        ItemDuty? bestDuty = null;
        var bestValue = decimal.MinValue;
        for (var i = 0; i < declaration.Items.Count; i++)
        {
            var item = declaration.Items[i];
            var sequence = item.Sequence ?? i + 1;
            var duty = duties?.Items.FirstOrDefault(d => d.Sequence == sequence);
            var value = NationalValue(declaration, item, duty);
            if (value > bestValue)
            {
                (best, bestDuty, bestValue) = (item, duty, value);
            }
        }

        return (best, bestDuty);
    }

    private static decimal NationalValue(Declaration declaration, GoodsItem? item, ItemDuty? duty) =>
        duty?.CustomsValue ?? (item?.ItemPrice?.Amount ?? item?.CustomsValue?.Amount ?? 0m) * (declaration.ExchangeRate ?? 1m);

    /// <summary>Specific duties (per kg, per unit) become the ad valorem rate they amount to, as KCS states rates in percent.</summary>
    private static double EffectiveRate(ItemDuty duty) => duty.DutyBasis == DutyBasis.AdValorem
        ? (double)duty.DutyRate
        : duty.CustomsValue > 0 ? (double)(duty.Duty * 100m / duty.CustomsValue) : 0.0;

    private static string Digits(string? code) => code is null ? "" : string.Concat(code.Where(char.IsAsciiDigit));
}

/// <summary>An inspected declaration: its facts and what the inspection found.</summary>
/// <param name="Fraud">The inspection found a fraud.</param>
/// <param name="Critical">0 none, 1 minor, 2 critical (tax evasion, unsafe goods, drugs, IP, false origin).</param>
/// <param name="Date">When the declaration was made: used to split by time, never as a feature.</param>
public sealed record LabelledRecord(TargetingRecord Record, bool Fraud, int Critical, DateOnly Date)
{
    public bool CriticalFraud => Critical == 2;
}
