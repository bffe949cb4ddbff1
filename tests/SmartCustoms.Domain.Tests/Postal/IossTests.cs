using SmartCustoms.Domain.Postal;

namespace SmartCustoms.Domain.Tests.Postal;

public sealed class IossTests
{
    public static TheoryData<string, string> Vectors()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Postal", "Vectors", "ioss_test_vectors.csv")).Skip(1))
        {
            var fields = line.Split(',');
            data.Add(fields[0], fields[1]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void AcceptsOnlyIossNumbersOfTheShippedVectors(string number, string expected)
    {
        var fault = Ioss.Fault(Ioss.Compact(number));

        // "valid (non-union OSS, not IOSS)" is valid as an OSS number, and still no IOSS number.
        if (expected is "valid" or "valid after normalisation")
        {
            Assert.Null(fault);
        }
        else
        {
            Assert.NotNull(fault);
        }
    }

    [Fact]
    public void SaysWhyANumberIsNoIossNumber()
    {
        Assert.Contains("intermediary", Ioss.Fault("IN3720000224"), StringComparison.Ordinal);
        Assert.Contains("non-union OSS", Ioss.Fault("EU372022452"), StringComparison.Ordinal);
        Assert.Contains("123", Ioss.Fault("IM1234567890"), StringComparison.Ordinal);
        Assert.Contains("10 digits", Ioss.Fault("IM372022452"), StringComparison.Ordinal);
    }
}
