using System.Globalization;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.ReferenceData;

namespace SmartCustoms.Domain.Postal;

/// <summary>
/// The checks of one item's advance data against the reference data: S10 id (check digit and issuing post), IOSS
/// format, countries, currencies, HS codes, UN/LOCODE offices, and the fields each category needs. Errors refuse the
/// item (and only it); warnings let it in and are acknowledged with it.
/// </summary>
public static class PostalValidation
{
    public const int MaxContentLines = 100;
    private const int MaxName = 140;
    private const int MaxText = 512;

    /// <summary>The categories as written on the wire, in CN23 order.</summary>
    public static readonly IReadOnlyList<string> Categories = ["gift", "saleOfGoods", "commercialSample", "documents", "returnedGoods"];

    /// <summary>The category written on the wire, or null when it is none of <see cref="Categories"/>.</summary>
    public static PostalCategory? ParseCategory(string? text) => text switch
    {
        "gift" => PostalCategory.Gift,
        "saleOfGoods" => PostalCategory.SaleOfGoods,
        "commercialSample" => PostalCategory.CommercialSample,
        "documents" => PostalCategory.Documents,
        "returnedGoods" => PostalCategory.ReturnedGoods,
        _ => null,
    };

    /// <summary>Every fault of <paramref name="item"/>, pointing under <paramref name="pointer"/> (e.g. <c>/items/3</c>).</summary>
    public static IReadOnlyList<Issue> Check(PostalItem item, string pointer)
    {
        ArgumentNullException.ThrowIfNull(item);
        var issues = new List<Issue>();
        CheckItemId(item, pointer, issues);
        var category = ParseCategory(item.Category);
        if (category is null)
        {
            issues.Add(new Issue(item.Category is null ? "required" : "category.unknown",
                $"category is required, one of {string.Join(", ", Categories)}.", pointer + "/category"));
        }
        else if (category == PostalCategory.ReturnedGoods && string.IsNullOrWhiteSpace(item.Explanation))
        {
            issues.Add(new Issue("required", "explanation is required for returned goods: the original item and why it comes back.", pointer + "/explanation"));
        }

        Text(item.Explanation, MaxText, pointer + "/explanation", issues);
        CheckParty(item.Sender, pointer + "/sender", needsAddress: false, issues);
        CheckParty(item.Recipient, pointer + "/recipient", needsAddress: true, issues);
        CheckContents(item, category, pointer, issues);
        CheckTaxRegistration(item.TaxRegistration, pointer + "/taxRegistration", issues);
        CheckMoney(item, pointer, issues);
        Office(item.DepartureOffice, pointer + "/departureOffice", required: false, issues);
        Office(item.ArrivalOffice, pointer + "/arrivalOffice", required: true, issues);
        return issues;
    }

    private static void CheckItemId(PostalItem item, string pointer, List<Issue> issues)
    {
        var at = pointer + "/itemId";
        if (string.IsNullOrWhiteSpace(item.ItemId))
        {
            issues.Add(new Issue("required", "itemId is required: the S10 barcode (e.g. RR123456785GB) or the carrier's id.", at));
            return;
        }

        switch (item.ItemIdScheme)
        {
            case null or "s10":
                var fault = S10.Fault(S10.Normalise(item.ItemId));
                if (fault is not null)
                {
                    issues.Add(new Issue("item-id.s10-" + fault, fault switch
                    {
                        "format" => "itemId is not a UPU S10 id: 2 letters, 8 digits, a check digit and 2 letters, e.g. RR123456785GB.",
                        "check-digit" => "itemId has a wrong S10 check digit.",
                        _ => "itemId ends in a country code that is no issuing post of the S10 list.",
                    }, at));
                }

                break;
            case "carrier":
                if (item.ItemId.Length > 35 || item.ItemId.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
                {
                    issues.Add(new Issue("item-id.invalid", "A carrier's itemId is at most 35 characters without spaces or control characters.", at));
                }

                break;
            default:
                issues.Add(new Issue("item-id-scheme.unknown", "itemIdScheme is s10 (the default) or carrier.", pointer + "/itemIdScheme"));
                break;
        }
    }

    private static void CheckParty(PostalParty? party, string pointer, bool needsAddress, List<Issue> issues)
    {
        if (party is null)
        {
            issues.Add(new Issue("required", $"{Last(pointer)} is required: name, address and country.", pointer));
            return;
        }

        Required(party.Name, MaxName, pointer + "/name", issues);
        if (needsAddress)
        {
            Required(party.Address, MaxText, pointer + "/address", issues);
        }
        else
        {
            Text(party.Address, MaxText, pointer + "/address", issues);
        }

        Text(party.Postcode, 17, pointer + "/postcode", issues);
        Text(party.City, MaxName, pointer + "/city", issues);
        Text(party.Phone, 35, pointer + "/phone", issues);
        Text(party.Email, 256, pointer + "/email", issues);
        Country(party.Country, pointer + "/country", required: true, issues);
    }

    private static void CheckContents(PostalItem item, PostalCategory? category, string pointer, List<Issue> issues)
    {
        if (item.Contents.Count == 0)
        {
            if (category != PostalCategory.Documents)
            {
                issues.Add(new Issue("required", "contents needs at least one line: description, quantity, net mass, value and currency.", pointer + "/contents"));
            }

            return;
        }

        if (item.Contents.Count > MaxContentLines)
        {
            issues.Add(new Issue("contents.too-many", string.Create(CultureInfo.InvariantCulture, $"An item has at most {MaxContentLines} content lines."), pointer + "/contents"));
            return;
        }

        var commercial = category is PostalCategory.SaleOfGoods or PostalCategory.CommercialSample;
        for (var i = 0; i < item.Contents.Count; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{pointer}/contents/{i}");
            if (item.Contents[i] is not { } line)
            {
                issues.Add(new Issue("required", "A content line is an object, not null.", at));
                continue;
            }

            Required(line.Description, MaxText, at + "/description", issues);
            if (line.HsCode is { } hs)
            {
                if (!ReferenceCatalog.Default.IsValidTariffCode(hs))
                {
                    issues.Add(new Issue("hs.unknown", "hsCode is not an HS 2022 subheading (6 digits) or a national code of 8 or 10 digits extending one.", at + "/hsCode"));
                }
            }
            else if (commercial)
            {
                issues.Add(Issue.Warning("hs.missing", "hsCode is missing on a commercial item; the item may be held until it is given.", at + "/hsCode"));
            }

            if (line.Quantity is not { } quantity || quantity <= 0)
            {
                issues.Add(new Issue(line.Quantity is null ? "required" : "quantity.invalid", "quantity is required and above 0.", at + "/quantity"));
            }

            if (line.NetMass is { } mass && mass < 0)
            {
                issues.Add(new Issue("mass.negative", "netMass (kg) cannot be negative.", at + "/netMass"));
            }
            else if (line.NetMass is null)
            {
                issues.Add(Issue.Warning("mass.missing", "netMass (kg) is missing.", at + "/netMass"));
            }

            if (line.Value is not { } value || value < 0)
            {
                issues.Add(new Issue(line.Value is null ? "required" : "value.negative", "value is required and not negative.", at + "/value"));
            }

            Currency(line.Currency, at + "/currency", required: true, issues);
            Country(line.Origin, at + "/origin", required: commercial, issues);
        }
    }

    private static void CheckTaxRegistration(TaxRegistration? registration, string pointer, List<Issue> issues)
    {
        if (registration is null)
        {
            return;
        }

        if (registration.Type is not ("ioss" or "vat" or "eori" or "other"))
        {
            issues.Add(new Issue("tax-registration.type", "taxRegistration.type is ioss, vat, eori or other.", pointer + "/type"));
        }

        if (!Required(registration.Number, 35, pointer + "/number", issues))
        {
            return;
        }

        if (registration.Type == "ioss" && Ioss.Fault(Ioss.Compact(registration.Number!)) is { } fault)
        {
            issues.Add(new Issue("ioss.invalid", $"Not an IOSS number: {fault}.", pointer + "/number"));
        }
    }

    private static void CheckMoney(PostalItem item, string pointer, List<Issue> issues)
    {
        var needsCurrency = item.TotalValue is not null || item.Postage is not null;
        Currency(item.Currency, pointer + "/currency", needsCurrency, issues);
        if (item.TotalValue is < 0)
        {
            issues.Add(new Issue("value.negative", "totalValue cannot be negative.", pointer + "/totalValue"));
        }

        if (item.Postage is < 0)
        {
            issues.Add(new Issue("value.negative", "postage cannot be negative.", pointer + "/postage"));
        }

        if (item.GrossMass is < 0)
        {
            issues.Add(new Issue("mass.negative", "grossMass (kg) cannot be negative.", pointer + "/grossMass"));
        }

        if (item.TotalValue is { } total && item.Currency is { } currency
            && item.Contents.All(l => l?.Value is not null && string.Equals(l.Currency, currency, StringComparison.Ordinal)) && item.Contents.Count > 0)
        {
            var sum = item.Contents.Sum(l => l!.Value!.Value);
            if (Math.Abs(sum - total) > 0.01m)
            {
                issues.Add(Issue.Warning("total-value.mismatch",
                    string.Create(CultureInfo.InvariantCulture, $"totalValue {total} {currency} is not the sum of the content lines' values ({sum} {currency})."),
                    pointer + "/totalValue"));
            }
        }
    }

    private static void Office(string? code, string pointer, bool required, List<Issue> issues)
    {
        if (code is null)
        {
            if (required)
            {
                issues.Add(new Issue("required", $"{Last(pointer)} is required: the UN/LOCODE of the office (e.g. FRCDG).", pointer));
            }

            return;
        }

        if (ReferenceCatalog.Default.FindLocation(code) is not { } location)
        {
            issues.Add(new Issue("location.unknown", $"{Last(pointer)} is not a UN/LOCODE (5 characters, e.g. FRCDG).", pointer));
        }
        else if (!location.IsPostalExchangeOffice && !location.Functions.Contains('4', StringComparison.Ordinal))
        {
            issues.Add(Issue.Warning("location.not-exchange-office", $"{code} is neither a postal exchange office (function 5) nor an airport in UN/LOCODE.", pointer));
        }
    }

    private static void Country(string? code, string pointer, bool required, List<Issue> issues)
    {
        if (code is null)
        {
            if (required)
            {
                issues.Add(new Issue("required", $"{Last(pointer)} is required: an ISO 3166-1 alpha-2 code (e.g. CN).", pointer));
            }
        }
        else if (!ReferenceCatalog.Default.IsCountry(code))
        {
            issues.Add(new Issue("country.unknown", $"{Last(pointer)} is not an ISO 3166-1 alpha-2 code (upper case, e.g. CN).", pointer));
        }
    }

    private static void Currency(string? code, string pointer, bool required, List<Issue> issues)
    {
        if (code is null)
        {
            if (required)
            {
                issues.Add(new Issue("required", "currency is required: an ISO 4217 code (e.g. EUR).", pointer));
            }
        }
        else if (!ReferenceCatalog.Default.IsCurrency(code))
        {
            issues.Add(new Issue("currency.unknown", "currency is not a current ISO 4217 code (upper case, e.g. EUR).", pointer));
        }
    }

    private static bool Required(string? text, int max, string pointer, List<Issue> issues)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            issues.Add(new Issue("required", $"{Last(pointer)} is required.", pointer));
            return false;
        }

        return Text(text, max, pointer, issues);
    }

    private static bool Text(string? text, int max, string pointer, List<Issue> issues)
    {
        if (text is null)
        {
            return true;
        }

        if (text.Length > max || text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            issues.Add(new Issue("text.invalid", string.Create(CultureInfo.InvariantCulture, $"{Last(pointer)} is at most {max} characters, without control characters."), pointer));
            return false;
        }

        return true;
    }

    private static string Last(string pointer) => pointer[(pointer.LastIndexOf('/') + 1)..];
}
