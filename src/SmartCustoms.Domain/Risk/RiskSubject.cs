using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Tariffs;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Domain.Risk;

/// <summary>
/// The facts of one declaration as criteria see them, computed once per declaration so that evaluating hundreds
/// of criteria only reads fields. Missing data stays null: a comparison on a missing fact is false.
/// </summary>
public sealed class RiskSubject
{
    public const string ContainerCheckDigitCode = "container.check-digit";

    private RiskSubject(RiskItem[] items) => ItemArray = items;

    internal RiskItem[] ItemArray { get; }

    /// <summary>One bit per HS chapter present among the items, to skip criteria about other chapters without evaluating them.</summary>
    internal UInt128 Chapters { get; private init; }

    public IReadOnlyList<RiskItem> Items => ItemArray;
    public DateOnly Date { get; private init; }
    public string? Type { get; private init; }
    public string? Category { get; private init; }

    /// <summary>Declaration office, else supervising office, else exit office, else empty.</summary>
    public string Office { get; private init; } = "";
    public string? ExportCountry { get; private init; }
    public string? DestinationCountry { get; private init; }
    public IReadOnlyList<string> RoutingCountries { get; private init; } = [];
    public string? TransportMode { get; private init; }
    public string? BorderMeansNationality { get; private init; }
    public IReadOnlyList<string> Containers { get; private init; } = [];
    public bool ContainerCheckDigitFailed { get; private init; }
    public string? DeclarantId { get; private init; }
    public string? ImporterId { get; private init; }
    public string? ExporterId { get; private init; }
    public string? ExporterCountry { get; private init; }
    public string? ConsignorId { get; private init; }
    public string? ConsignorCountry { get; private init; }
    public string? ConsigneeId { get; private init; }
    public string? AgentId { get; private init; }
    public string? CarrierId { get; private init; }
    public decimal? TotalCustomsValue { get; private init; }
    public int ItemCount => ItemArray.Length;
    public TraderFacts Trader { get; private init; } = TraderFacts.Unknown;

    /// <summary>The declaration the facts were derived from: a fraud model reads its own features from it.</summary>
    public Declaration Declaration { get; private init; } = null!;

    /// <summary>The duty assessment the facts used, when there was one.</summary>
    public DutyAssessment? Duties { get; private init; }

    /// <summary>
    /// Derives the facts. Customs values come from <paramref name="duties"/> when given (national currency, as
    /// assessed); otherwise from the item's stated customs value or price, converted with the declaration's
    /// exchange rate when it states one. <paramref name="issues"/> are the validation results: a
    /// <c>container.check-digit</c> issue sets <see cref="ContainerCheckDigitFailed"/>.
    /// </summary>
    public static RiskSubject Create(Declaration declaration, DateOnly date, TraderFacts? trader = null,
        DutyAssessment? duties = null, ReferencePrices? prices = null, IEnumerable<Issue>? issues = null)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        prices ??= ReferencePrices.Empty;
        var items = new RiskItem[declaration.Items.Count];
        UInt128 chapters = 0;
        decimal? total = duties?.TotalCustomsValue;
        var sumOfItems = 0m;
        var allValued = items.Length > 0;
        for (var i = 0; i < items.Length; i++)
        {
            var item = Item(declaration, i, duties, prices);
            items[i] = item;
            chapters |= HsChapters.Of(item.HsCode);
            allValued &= item.CustomsValue.HasValue;
            sumOfItems += item.CustomsValue ?? 0m;
        }

        var transport = declaration.Transport;
        return new RiskSubject(items)
        {
            Chapters = chapters,
            Date = date,
            Type = declaration.Type,
            Category = declaration.Category,
            Office = declaration.DeclarationOffice ?? declaration.SupervisingOffice ?? declaration.ExitOffice ?? "",
            ExportCountry = declaration.ExportCountry,
            DestinationCountry = declaration.DestinationCountry,
            RoutingCountries = declaration.RoutingCountries,
            TransportMode = transport?.ModeAtBorder,
            BorderMeansNationality = transport?.BorderMeansNationality,
            Containers = ContainerIds(transport),
            ContainerCheckDigitFailed = HasCheckDigitIssue(issues),
            DeclarantId = declaration.Declarant?.Id,
            ImporterId = declaration.Importer?.Id,
            ExporterId = declaration.Exporter?.Id,
            ExporterCountry = declaration.Exporter?.Address?.Country,
            ConsignorId = declaration.Consignor?.Id,
            ConsignorCountry = declaration.Consignor?.Address?.Country,
            ConsigneeId = declaration.Consignee?.Id,
            AgentId = declaration.Agent?.Id,
            CarrierId = declaration.Carrier?.Id,
            TotalCustomsValue = total ?? (allValued ? sumOfItems : null),
            Trader = trader ?? TraderFacts.Unknown,
            Declaration = declaration,
            Duties = duties,
        };
    }

    private static RiskItem Item(Declaration declaration, int index, DutyAssessment? duties, ReferencePrices prices)
    {
        var item = declaration.Items[index] ?? new GoodsItem();
        var sequence = item.Sequence ?? index + 1;
        var hs = item.HsCode;
        var value = CustomsValues.OfItem(declaration, index, duties);
        decimal? reference = hs is { Length: >= 6 } && prices.Count > 0 && prices.TryGet(hs.AsSpan(0, 6), out var r) ? r : null;
        return new RiskItem
        {
            Sequence = sequence,
            HsCode = hs,
            Origin = item.Origin,
            ProcedureCode = item.ProcedureCode,
            NetMass = item.NetMass,
            GrossMass = item.GrossMass,
            Quantity = item.Quantity,
            CustomsValue = value,
        }.DeriveRatios(reference);
    }

    private static bool HasCheckDigitIssue(IEnumerable<Issue>? issues)
    {
        foreach (var issue in issues ?? [])
        {
            if (string.Equals(issue.Code, ContainerCheckDigitCode, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string[] ContainerIds(Transport? transport)
    {
        if (transport is null || transport.Containers.Count == 0)
        {
            return [];
        }

        var ids = new List<string>(transport.Containers.Count);
        foreach (var container in transport.Containers)
        {
            if (container?.Id is { Length: > 0 } id)
            {
                ids.Add(id.Trim().ToUpperInvariant());
            }
        }

        return [.. ids];
    }
}
