namespace SmartCustoms.Domain.Declarations.Wco;

/// <summary>
/// One step of a DMS error pointer, as UK CDS returns it in <c>Error/Pointer</c>: the WCO class of the section
/// (e.g. 68A GovernmentAgencyGoodsItem), its sequence number when the class repeats, and on the last step the
/// WCO ID of the data element (e.g. R144 for AuthorisationHolder/ID).
/// </summary>
public sealed record WcoPointerStep(string DocumentSectionCode, int? SequenceNumeric = null, string? TagId = null);
