using System.Text.Json;
using SmartCustoms.Domain.Declarations;

namespace SmartCustoms.Domain.Tariffs;

/// <summary>Reads and checks a tariff schedule in its JSON form (the format of the shipped demo tariff).</summary>
public static class TariffFile
{
    public static TariffSchedule LoadDemo()
    {
        using var stream = typeof(TariffFile).Assembly.GetManifestResourceStream("SmartCustoms.Tariffs.demo-tariff.json")
            ?? throw new InvalidOperationException("The demo tariff is missing from the assembly.");
        return JsonSerializer.Deserialize<TariffSchedule>(stream, DeclarationJson.Options)
            ?? throw new InvalidOperationException("The demo tariff is empty.");
    }

    /// <summary>Parses a schedule; a bad document gives messages naming what is wrong, never an exception.</summary>
    public static (TariffSchedule? Schedule, IReadOnlyList<string> Errors) Parse(string json)
    {
        TariffSchedule? schedule;
        try
        {
            schedule = JsonSerializer.Deserialize<TariffSchedule>(json, DeclarationJson.Options);
        }
        catch (JsonException ex)
        {
            return (null, [$"Not a tariff schedule: {ex.Message}"]);
        }

        if (schedule is null)
        {
            return (null, ["The tariff document is empty."]);
        }

        var errors = Check(schedule);
        return (errors.Count == 0 ? schedule : null, errors);
    }

    public static IReadOnlyList<string> Check(TariffSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var errors = new List<string>();
        if (schedule.Currency is not { Length: 3 })
        {
            errors.Add("currency must be an ISO 4217 code.");
        }

        if (schedule.DeMinimis < 0 || schedule.DefaultDutyRate < 0 || schedule.DefaultVatRate < 0)
        {
            errors.Add("deMinimis and default rates cannot be negative.");
        }

        for (var i = 0; i < schedule.Lines.Count; i++)
        {
            var line = schedule.Lines[i];
            if (line is null)
            {
                errors.Add($"lines[{i}] is null.");
                continue;
            }

            if (line.HsPrefix is not { Length: >= 2 and <= 10 } || !line.HsPrefix.All(char.IsAsciiDigit))
            {
                errors.Add($"lines[{i}].hsPrefix '{line.HsPrefix}' must be 2 to 10 digits.");
            }

            if (line.DutyRate < 0 || line.VatRate < 0)
            {
                errors.Add($"lines[{i}]: rates cannot be negative.");
            }

            if (line.ValidFrom is { } from && line.ValidTo is { } to && to < from)
            {
                errors.Add($"lines[{i}]: validTo is before validFrom.");
            }
        }

        for (var i = 0; i < schedule.ExchangeRates.Count; i++)
        {
            if (schedule.ExchangeRates[i] is not { Rate: > 0 })
            {
                errors.Add($"exchangeRates[{i}].rate must be more than zero.");
            }
        }

        return errors;
    }
}
