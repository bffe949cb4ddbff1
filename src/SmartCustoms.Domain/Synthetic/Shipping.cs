using System.Globalization;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.ReferenceData;

namespace SmartCustoms.Domain.Synthetic;

/// <summary>
/// Carriers, vessels and flights: bills of lading and air waybills in their carriers' formats, ISO 6346 container
/// numbers with computed check digits (a small share deliberately wrong, as in real filings) and seals.
/// </summary>
internal sealed class Shipping
{
    /// <summary>Share of containers whose number carries a wrong check digit: a warning, never an error, by default.</summary>
    public const double WrongCheckDigitShare = 0.01;

    // A container carries about 21 t of general cargo before it is full or too heavy.
    private const decimal KgPerContainer = 21_000m;

    private static readonly SeaCarrier[] Carriers =
    [
        new("MAEU", "MSK", "DK", "Maersk A/S"), new("MEDU", "MSC", "CH", "MSC Mediterranean Shipping Company"),
        new("CMDU", "CMA", "FR", "CMA CGM"), new("COSU", "CSN", "CN", "COSCO Shipping Lines"),
        new("HLCU", "HLX", "DE", "Hapag-Lloyd AG"), new("ONEY", "ONE", "SG", "Ocean Network Express"),
        new("EGLV", "EGH", "TW", "Evergreen Marine"), new("HDMU", "HDM", "KR", "HMM Co., Ltd"),
    ];

    private static readonly Airline[] Airlines =
    [
        new("CX", "160", "HK", "Cathay Pacific Cargo"), new("EK", "176", "AE", "Emirates SkyCargo"),
        new("LH", "020", "DE", "Lufthansa Cargo"), new("QR", "157", "QA", "Qatar Airways Cargo"),
        new("TK", "235", "TR", "Turkish Cargo"), new("CA", "999", "CN", "Air China Cargo"),
        new("SQ", "618", "SG", "Singapore Airlines Cargo"), new("KE", "180", "KR", "Korean Air Cargo"),
    ];

    // Leasing companies own about half the world's boxes, so a carrier's B/L often lists another owner's containers.
    private static readonly string[] Lessors = ["TGH", "TCN", "FCI", "SEG", "TRH", "CAI", "BMO"];
    private static readonly string[] Flags = ["PA", "LR", "MH", "MT", "SG", "HK", "DK", "DE", "GR", "CY", "PT", "BS"];

    private readonly Random _random;
    private readonly (string Imo, string Flag)[] _vessels;

    public Shipping(Random random)
    {
        _random = random;
        _vessels = [.. Enumerable.Range(0, 60).Select(_ => (Imo(random), random.Pick(Flags)))];
    }

    /// <summary>Transport at the border and the carrier, by sea (containerised or not) or by air.</summary>
    public (Transport Transport, Party Carrier) Carry(bool byAir, bool containerised, decimal trueGrossKg)
    {
        if (byAir)
        {
            var airline = _random.Pick(Airlines);
            var serial = _random.Next(1_000_000, 10_000_000);
            return (new Transport
            {
                ModeAtBorder = "4",
                BorderMeansId = airline.Code + _random.Next(100, 10_000).ToString("D4", CultureInfo.InvariantCulture),
                BorderMeansIdType = "40",
                BorderMeansNationality = airline.Country,
                // IATA air waybill: airline prefix, seven-digit serial, and the serial mod 7 as check digit.
                TransportDocument = new DocumentReference
                {
                    Type = "N740",
                    Id = string.Create(CultureInfo.InvariantCulture, $"{airline.AwbPrefix}-{serial}{serial % 7}"),
                },
                Containerised = false,
            }, CarrierParty(airline.Name, airline.Country));
        }

        var carrier = _random.Pick(Carriers);
        var vessel = _random.Pick(_vessels);
        var containers = containerised ? Containers(carrier, trueGrossKg) : [];
        return (new Transport
        {
            ModeAtBorder = "1",
            BorderMeansId = vessel.Imo,
            BorderMeansIdType = "10",
            BorderMeansNationality = vessel.Flag,
            TransportDocument = new DocumentReference { Type = "N705", Id = carrier.Scac + _random.Digits(9) },
            Containerised = containerised,
            Containers = containers,
        }, CarrierParty(carrier.Name, carrier.Country));
    }

    private Container[] Containers(SeaCarrier carrier, decimal trueGrossKg)
    {
        // Sized on the real cargo: understated masses then show as too many boxes for the declared weight.
        var count = (int)Math.Clamp(Math.Ceiling(trueGrossKg / KgPerContainer), 1m, 40m);
        var containers = new Container[count];
        for (var i = 0; i < count; i++)
        {
            var owner = _random.Chance(0.5) ? carrier.OwnerCode : _random.Pick(Lessors);
            var first10 = owner + "U" + _random.Digits(6);
            var check = ContainerNumber.ComputeCheckDigit(first10) - '0';
            if (_random.Chance(WrongCheckDigitShare))
            {
                check = (check + _random.Next(1, 10)) % 10;
            }

            containers[i] = new Container
            {
                Sequence = i + 1,
                Id = string.Create(CultureInfo.InvariantCulture, $"{first10}{check}"),
                Seals = [carrier.Scac[..2] + _random.Digits(7)],
            };
        }

        return containers;
    }

    private static Party CarrierParty(string name, string country) =>
        new() { Name = name, Address = new Address { Country = country } };

    /// <summary>IMO ship number: seven digits, the last being the sum of the first six weighted 7 down to 2, mod 10.</summary>
    private static string Imo(Random random)
    {
        var digits = "9" + random.Digits(5);
        var sum = 0;
        for (var i = 0; i < 6; i++)
        {
            sum += (digits[i] - '0') * (7 - i);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{digits}{sum % 10}");
    }

    private sealed record SeaCarrier(string Scac, string OwnerCode, string Country, string Name);

    private sealed record Airline(string Code, string AwbPrefix, string Country, string Name);
}
