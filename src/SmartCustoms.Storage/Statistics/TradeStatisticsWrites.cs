using System.Globalization;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Storage.Declarations;
using SmartCustoms.Storage.Sql;

namespace SmartCustoms.Storage.Statistics;

/// <summary>Writes the statistics rows of a lodged declaration, inside the lodging's transaction: counted if and only if it is stored.</summary>
internal static class TradeStatisticsWrites
{
    private const string Insert =
        "INSERT INTO trade_statistics (mrn, item, month, chapter, origin, value_cents, declarant_id) " +
        "VALUES (@mrn, @item, @month, @chapter, @origin, @valueCents, @declarantId)";

    public static async Task InsertAsync(SqlSession session, string mrn, LodgeRequest request, CancellationToken ct)
    {
        var declaration = request.Declaration;
        var month = request.AcceptedAt.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        for (var i = 0; i < declaration.Items.Count; i++)
        {
            var item = declaration.Items[i] ?? new GoodsItem();
            var value = CustomsValues.OfItem(declaration, i, request.Assessment);
            await session.DeferAsync(
                Insert, ct,
                ("@mrn", mrn), ("@item", i + 1), ("@month", month), ("@chapter", Chapter(item.HsCode)),
                ("@origin", string.IsNullOrWhiteSpace(item.Origin) ? null : item.Origin.Trim().ToUpperInvariant()),
                ("@valueCents", value is { } v ? (object)(long)Math.Round(v * 100m, MidpointRounding.AwayFromZero) : null),
                ("@declarantId", request.DeclarantId)).ConfigureAwait(false);
        }
    }

    private static string? Chapter(string? hsCode) =>
        hsCode is { Length: >= 2 } && char.IsAsciiDigit(hsCode[0]) && char.IsAsciiDigit(hsCode[1]) ? hsCode[..2] : null;
}
