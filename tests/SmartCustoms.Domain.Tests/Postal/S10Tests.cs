using System.Globalization;
using SmartCustoms.Domain.Postal;

namespace SmartCustoms.Domain.Tests.Postal;

public sealed class S10Tests
{
    public static TheoryData<string, string, string> Vectors()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Postal", "Vectors", "s10_test_vectors.csv")).Skip(1))
        {
            var fields = line.Split(',');
            data.Add(fields[0], fields[1], fields[2]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void JudgesEveryShippedVectorAsExpected(string id, string expected, string note)
    {
        var fault = S10.Fault(S10.Normalise(id));

        if (expected.StartsWith("valid", StringComparison.Ordinal))
        {
            Assert.True(fault is null, $"{id} ({note}) refused: {fault}");
        }
        else
        {
            Assert.True(fault is not null, $"{id} ({note}) accepted");
        }
    }

    [Theory]
    [InlineData("RB123456786US", "check-digit")]
    [InlineData("RB123456785XX", "country")]
    [InlineData("RR12345678GB", "format")]
    [InlineData("R1123456785GB", "format")]
    public void NamesWhatIsWrongWithAnId(string id, string fault) => Assert.Equal(fault, S10.Fault(S10.Normalise(id)));

    [Fact]
    public void KnowsTheIssuingPostsAndServicesOfTheS10List()
    {
        Assert.Equal(191, S10.IssuingPostCount);
        Assert.Equal("EMS", S10.Service("EE123456785CN"));
        Assert.Null(S10.Fault("RR123456785GB"));
        Assert.Equal("RR123456785GB", S10.Normalise(" rr 123 456 785 gb "));
        Assert.Equal("2", S10.Normalise("LZ448865302US")[10].ToString(CultureInfo.InvariantCulture));
    }
}
