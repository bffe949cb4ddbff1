using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Postal;

namespace SmartCustoms.Storage.Postal;

/// <summary>An item as taken in: its key, its acknowledgement, and what the screening of later items sums.</summary>
/// <param name="Status"><c>accepted</c> or <c>acceptedWithWarnings</c>.</param>
/// <param name="Value">The item's value in the tariff's currency; null when it could not be converted.</param>
public sealed record PostalIntake(
    string Operator, string ItemId, string MessageId, string Status, IReadOnlyList<Issue> Warnings, string RecipientKey, decimal? Value,
    DateTimeOffset ReceivedAt, PostalItem Item);

/// <summary>The acknowledgement stored for an item already taken under the same key.</summary>
public sealed record PostalReceipt(string ItemId, string Status, IReadOnlyList<Issue> Warnings);

/// <summary>Customs' answer to one item; <see cref="Cursor"/> orders the answers of all items.</summary>
public sealed record PostalAnswerRecord(long Cursor, string Operator, string ItemId, string MessageId, PostalAnswer Answer, DateTimeOffset AnsweredAt);

/// <summary>One item with its answer (null until screened), as officers and its carrier read it.</summary>
public sealed record PostalItemRecord(PostalIntake Intake, PostalAnswerRecord? Answer);

/// <summary>Postal items' intake and answers. Implemented for SQLite and PostgreSQL.</summary>
public interface IPostalStore
{
    /// <summary>Which of <paramref name="itemIds"/> were already taken under (<paramref name="operatorId"/>, item id, <paramref name="messageId"/>), with their acknowledgement.</summary>
    Task<IReadOnlyList<PostalReceipt>> FindReceiptsAsync(string operatorId, string messageId, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken);

    /// <summary>Items of any operator received since <paramref name="since"/> for each of the recipient keys, with a value.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<PriorItem>>> FindPriorAsync(
        IReadOnlyCollection<string> recipientKeys, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a batch's items and the answers given in one transaction, with multi-row inserts. An item whose key is
    /// already stored (the same message sent twice at once) is left as it was, and so is its answer.
    /// </summary>
    /// <returns>The item ids stored by this call.</returns>
    Task<IReadOnlySet<string>> SaveAsync(IReadOnlyList<PostalIntake> items, IReadOnlyList<PostalAnswer> answers, DateTimeOffset answeredAt, CancellationToken cancellationToken);

    /// <summary>Answers after <paramref name="after"/>, oldest first; only <paramref name="operatorId"/>'s when given.</summary>
    Task<IReadOnlyList<PostalAnswerRecord>> ListAnswersAsync(string? operatorId, long after, int limit, CancellationToken cancellationToken);

    /// <summary>Every message's version of one item, newest first.</summary>
    Task<IReadOnlyList<PostalItemRecord>> GetAsync(string operatorId, string itemId, CancellationToken cancellationToken);
}
