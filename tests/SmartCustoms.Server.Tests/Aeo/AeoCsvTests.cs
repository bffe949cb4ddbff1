using System.Text;
using SmartCustoms.Server.Aeo;

namespace SmartCustoms.Server.Tests.Aeo;

/// <summary>The register's CSV as an operator's spreadsheet writes it: quoting errors are named by their line, not read on.</summary>
public sealed class AeoCsvTests
{
    [Theory]
    [InlineData("traderId,name,country,certificate,validFrom,validTo\nGB1,Acme \"Big\" Ltd,GB,AEOF,2024-01-01,\n", 2)]
    [InlineData("traderId,name,country,certificate,validFrom,validTo\nGB1,Acme,GB,AEOF,2024-01-01,\nGB2,\"Beta Ltd,GB,AEOF,2024-01-01,\n", 3)]
    public void AQuotingMistakeIsRefusedWithItsLineAndNothingIsRead(string csv, int line)
    {
        var read = AeoInput.ReadCsv(Encoding.UTF8.GetBytes(csv));

        Assert.False(read.TryGetValue(out _, out var refusal));
        var error = Assert.Single(refusal.Issues);
        Assert.Equal("csv.quote", error.Code);
        Assert.Equal(line, error.Line);
    }
}
