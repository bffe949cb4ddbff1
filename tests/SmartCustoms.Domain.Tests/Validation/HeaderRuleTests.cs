namespace SmartCustoms.Domain.Tests.Validation;

public class HeaderRuleTests
{
    [Theory]
    [InlineData("IM")]
    [InlineData("IMAA")]
    [InlineData("XXA")]
    [InlineData("ima")]
    [InlineData("IM1")]
    public void RejectsMalformedDeclarationType(string type) =>
        (ValidDeclarations.Import() with { Type = type }).Validate().AssertOnlyError("type.invalid", "/type");

    [Theory]
    [InlineData("IMA")]
    [InlineData("IMZ")]
    [InlineData("COA")]
    public void AcceptsDeclarationTypeOfCategoryAndLetter(string type) =>
        (ValidDeclarations.Import() with { Type = type }).Validate().AssertClean();

    [Theory]
    [InlineData("")]
    [InlineData("123")]
    [InlineData("X")]
    [InlineData("٩")]
    public void RejectsFunctionCodeThatIsNotOneOrTwoDigits(string code) =>
        (ValidDeclarations.Import() with { FunctionCode = code }).Validate().AssertOnlyError("function-code.invalid", "/functionCode");

    [Fact]
    public void AcceptsLrnOfExactly35Characters() =>
        (ValidDeclarations.Import() with { Lrn = new string('L', 35) }).Validate().AssertClean();

    [Fact]
    public void RejectsLrnLongerThan35Characters() =>
        (ValidDeclarations.Import() with { Lrn = new string('L', 36) }).Validate().AssertOnlyError("too-long", "/lrn");

    [Theory]
    [InlineData("LRN\n1")]
    [InlineData("LRN\t1")]
    [InlineData("LRN\01")]
    public void RejectsLrnWithControlCharacter(string lrn) =>
        (ValidDeclarations.Import() with { Lrn = lrn }).Validate().AssertOnlyError("control-character", "/lrn");

    [Theory]
    [InlineData("G")]
    [InlineData("GB")]
    [InlineData("gb000040")]
    [InlineData("GB0000400")]
    [InlineData("GB-00040")]
    [InlineData("12000040")]
    public void RejectsMalformedDeclarationOffice(string office) =>
        (ValidDeclarations.Import() with { DeclarationOffice = office }).Validate().AssertOnlyError("office.invalid", "/declarationOffice");

    [Fact]
    public void PointsAtTheSupervisingAndExitOfficeThatIsMalformed() =>
        Assert.Equal(
            [("office.invalid", "/supervisingOffice"), ("office.invalid", "/exitOffice")],
            (ValidDeclarations.Import() with { SupervisingOffice = "GB 1", ExitOffice = "9B000040" }).Validate().Errors.Codes());

    [Fact]
    public void AcceptsShortAndLongOfficeIds() =>
        (ValidDeclarations.Import() with { DeclarationOffice = "GB1", ExitOffice = "NL000396" }).Validate().AssertClean();

    [Fact]
    public void RejectsGoodsItemQuantityThatDiffersFromTheItemsCarried() =>
        (ValidDeclarations.Import() with { GoodsItemQuantity = 3 }).Validate().AssertOnlyError("items.count-mismatch", "/goodsItemQuantity");

    [Fact]
    public void RejectsIssueDateMoreThanADayAhead() =>
        (ValidDeclarations.Import() with { IssueDateTime = ValidDeclarations.Now.AddDays(1).AddMinutes(1) })
            .Validate().AssertOnlyError("date.future", "/issueDateTime");

    [Fact]
    public void RejectsIssueDateOlderThanThreeYears() =>
        (ValidDeclarations.Import() with { IssueDateTime = ValidDeclarations.Now.AddDays(-3 * 365).AddMinutes(-1) })
            .Validate().AssertOnlyError("date.too-old", "/issueDateTime");

    [Theory]
    [InlineData(1)]
    [InlineData(-3 * 365)]
    public void AcceptsIssueDateAtTheEdgeOfTheWindow(int days) =>
        (ValidDeclarations.Import() with { IssueDateTime = ValidDeclarations.Now.AddDays(days) }).Validate().AssertClean();
}
