namespace SmartCustoms.Domain.Postal;

/// <summary>Customs' decision on one item (CUSRSP-like), from the least to the most that holds the item.</summary>
public enum PostalDecision
{
    Release,
    ReleaseWithDutyDue,
    HoldForInformation,
    Inspect,
}

/// <summary>Why an item got its decision: a stable code, words for the carrier and the officer, and the items it relates to.</summary>
/// <param name="Field">The JSON pointer of the field concerned inside the item (<c>/contents/0/description</c>), when one is.</param>
/// <param name="RelatedItems">Other items behind the reason (a split shipment's parts), as operator/itemId.</param>
public sealed record AnswerReason(string Code, string Text, PostalDecision Decision, string? Field = null, IReadOnlyList<string>? RelatedItems = null);

/// <summary>Duty and VAT of one content line in the tariff's currency.</summary>
public sealed record LineDuty(int Line, string? HsCode, decimal Value, decimal DutyRate, decimal Duty, decimal VatRate, decimal Vat);

/// <summary>The estimate from the node's tariff: value, whether de minimis relief applied, duty and VAT due at the border.</summary>
/// <param name="VatPaidAtSale">An IOSS item: VAT was charged by the seller, none is due at the border.</param>
public sealed record DutyEstimate(
    string Currency, decimal Value, decimal DeMinimis, bool DeMinimisApplied, bool VatPaidAtSale, decimal Duty, decimal Vat, IReadOnlyList<LineDuty> Lines)
{
    public decimal Payable => Duty + Vat;
}

/// <summary>The answer to one item: the decision, every reason for it, and the duty estimate where the tariff allowed one.</summary>
public sealed record PostalAnswer(PostalDecision Decision, IReadOnlyList<AnswerReason> Reasons, DutyEstimate? Duty);
