using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Domain.Declarations.Wco;

/// <summary>
/// The outcome of reading a WCO declaration. <see cref="Declaration"/> is null when the document could not be
/// read at all (one issue says why); otherwise every value that could not be read is an issue beside it.
/// Issue pointers are WCO paths such as <c>Declaration/GoodsShipment/GovernmentAgencyGoodsItem[2]/SequenceNumeric</c>.
/// </summary>
public sealed record WcoReadResult(Declaration? Declaration, IReadOnlyList<Issue> Issues);
