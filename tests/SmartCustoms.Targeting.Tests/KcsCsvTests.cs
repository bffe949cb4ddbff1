namespace SmartCustoms.Targeting.Tests;

public sealed class KcsCsvTests
{
    private const string Header = "Declaration ID,Date,Office ID,Process Type,Import Type,Import Use,Payment Type,Mode of Transport,"
        + "Declarant ID,Importer ID,Seller ID,Courier ID,HS6 Code,Country of Departure,Country of Origin,Tax Rate,Tax Type,"
        + "Country of Origin Indicator,Net Mass,Item Price,Fraud,Critical Fraud";

    private const string Row = "97061800,2020-01-01,30,B,11,21,11,10,ZZR1LT6,QLRUBN9,0VKY2BR,,440890,BE,BE,0.0,FEU1,G,108.0,372254.4,1,2";

    private static IReadOnlyList<LabelledRecord> Read(params string[] lines) =>
        KcsCsv.Read(new StringReader(string.Join('\n', lines)), "test.csv");

    [Fact]
    public void ReadsEveryColumnOfARow()
    {
        var row = Assert.Single(Read(Header, Row));

        Assert.Equal(new DateOnly(2020, 1, 1), row.Date);
        Assert.True(row.Fraud);
        Assert.Equal(2, row.Critical);
        Assert.True(row.CriticalFraud);
        var r = row.Record;
        Assert.Equal(("30", "B", "11", "21", "11", "10"), (r.Office, r.ProcessType, r.ImportType, r.ImportUse, r.PaymentType, r.TransportMode));
        Assert.Equal(("ZZR1LT6", "QLRUBN9", "0VKY2BR", ""), (r.DeclarantId, r.ImporterId, r.SellerId, r.CourierId));
        Assert.Equal(("440890", "BE", "BE", "FEU1", "G"), (r.Hs6, r.DepartureCountry, r.OriginCountry, r.TaxType, r.OriginIndicator));
        Assert.Equal((0.0, 108.0, 372254.4), (r.TaxRate, r.NetMass, r.ItemPrice));
    }

    [Fact]
    public void ReadsTheShippedSamples()
    {
        var rows = KcsCsv.Read(Samples.Valid);

        Assert.Equal(8134, rows.Count);
        Assert.InRange(rows.Count(r => r.Fraud) / (double)rows.Count, 0.20, 0.22);
    }

    [Fact]
    public void AMissingColumnIsNamed()
    {
        var error = Assert.Throws<KcsFormatException>(() => Read(Header.Replace(",Net Mass", "", StringComparison.Ordinal), Row));

        Assert.Equal(1, error.Line);
        Assert.Contains("test.csv, line 1: missing column(s) 'Net Mass'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("108.0", "heavy", "Net Mass", "'heavy' is not a non-negative number")]
    [InlineData("372254.4", "-5", "Item Price", "'-5' is not a non-negative number")]
    [InlineData("2020-01-01", "01/01/2020", "Date", "'01/01/2020' is not a date (yyyy-MM-dd)")]
    [InlineData(",1,2", ",yes,2", "Fraud", "'yes' is not an integer from 0 to 1")]
    [InlineData(",1,2", ",0,2", "Critical Fraud", "critical fraud without fraud")]
    public void AMalformedCellIsReportedWithFileLineAndColumn(string good, string bad, string column, string problem)
    {
        var error = Assert.Throws<KcsFormatException>(() => Read(Header, Row, Row.Replace(good, bad, StringComparison.Ordinal)));

        Assert.Equal(("test.csv", 3, column), (error.File, error.Line, error.Column));
        Assert.Contains($"test.csv, line 3, column '{column}': {problem}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARowWithTheWrongNumberOfCellsIsReported()
    {
        var error = Assert.Throws<KcsFormatException>(() => Read(Header, Row + ",extra"));

        Assert.Contains("test.csv, line 2: 23 cells where the header has 22", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyFileIsReported()
    {
        var error = Assert.Throws<KcsFormatException>(() => Read(""));

        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }
}
