using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Postal;
using SmartCustoms.Storage.Postal;

namespace SmartCustoms.Server.Postal;

/// <summary>The acknowledgement of one item of a batch.</summary>
/// <param name="Index">Its position in the batch's items.</param>
/// <param name="ItemId">Its id as stored and answered (an S10 id without spaces, upper case); null when it could not be read.</param>
/// <param name="Status"><c>accepted</c>, <c>acceptedWithWarnings</c> or <c>refused</c> (not stored: correct it and send it again).</param>
/// <param name="Duplicate">True when this item was already taken under the same operator, item id and message id: nothing was stored again.</param>
/// <param name="Issues">The errors of a refused item, or the warnings of an accepted one, each with its pointer into the batch.</param>
public sealed record ItemAcknowledgement(int Index, string? ItemId, string Status, bool Duplicate, IReadOnlyList<Issue> Issues);

/// <summary>
/// What a batch gets back at once: one acknowledgement per item, in the batch's order. Customs' answers to the
/// accepted items are collected with <c>GET /api/postal/answers?after=</c>.
/// </summary>
public sealed record BatchAcknowledgement(
    string Operator, string MessageId, int Accepted, int AcceptedWithWarnings, int Refused, int Duplicates, IReadOnlyList<ItemAcknowledgement> Items);

/// <summary>One answer as a carrier or an officer collects it.</summary>
/// <param name="Cursor">Pass the last one as <c>after</c> to collect the answers that follow.</param>
public sealed record AnswerResponse(
    long Cursor, string Operator, string ItemId, string MessageId, PostalDecision Decision, IReadOnlyList<AnswerReason> Reasons, DutyEstimate? Duty,
    DateTimeOffset AnsweredAt)
{
    /// <summary>
    /// A carrier sees what it must act on (information asked for, duty due); why customs inspects an item is customs'
    /// business, as a trader does not see a declaration's lane.
    /// </summary>
    public static AnswerResponse From(PostalAnswerRecord record, bool forCarrier)
    {
        ArgumentNullException.ThrowIfNull(record);
        var reasons = forCarrier ? [.. record.Answer.Reasons.Where(r => r.Decision != PostalDecision.Inspect)] : record.Answer.Reasons;
        return new(record.Cursor, record.Operator, record.ItemId, record.MessageId, record.Answer.Decision, reasons, record.Answer.Duty, record.AnsweredAt);
    }
}

/// <summary>A page of answers; <see cref="Next"/> is the cursor to pass as <c>after</c> next time (unchanged when there were none).</summary>
public sealed record AnswerPage(IReadOnlyList<AnswerResponse> Answers, long Next);

/// <summary>One message's version of an item: the advance data as taken, its acknowledgement and its answer.</summary>
public sealed record PostalItemResponse(
    string Operator, string ItemId, string MessageId, string Status, IReadOnlyList<Issue> Warnings, DateTimeOffset ReceivedAt, PostalItem Item, AnswerResponse? Answer);
