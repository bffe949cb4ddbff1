namespace SmartCustoms.Domain.Edifact;

/// <summary>The codes of the issues the EDIFACT reader and its message readers report.</summary>
public static class EdifactIssues
{
    public const string Empty = "edifact.empty";
    public const string TooLarge = "edifact.too-large";
    public const string TooManySegments = "edifact.too-many-segments";
    public const string TooManyIssues = "edifact.too-many-issues";
    public const string ServiceStringAdvice = "edifact.una";
    public const string SegmentTag = "edifact.segment.tag";
    public const string Unterminated = "edifact.segment.unterminated";
    public const string Charset = "edifact.charset";
    public const string Syntax = "edifact.unb.syntax";
    public const string NoInterchangeHeader = "edifact.unb.missing";
    public const string OutsideMessage = "edifact.segment.outside-message";
    public const string MessageHeader = "edifact.unh";
    public const string MessageTrailerMissing = "edifact.unt.missing";
    public const string MessageSegmentCount = "edifact.unt.count";
    public const string MessageReference = "edifact.unt.reference";
    public const string GroupTrailerMissing = "edifact.une.missing";
    public const string GroupMessageCount = "edifact.une.count";
    public const string GroupReference = "edifact.une.reference";
    public const string InterchangeTrailerMissing = "edifact.unz.missing";
    public const string InterchangeCount = "edifact.unz.count";
    public const string InterchangeReference = "edifact.unz.reference";
    public const string AfterInterchange = "edifact.unz.trailing";
    public const string ContainerNumber = "edifact.container.number";
    public const string ControlTotal = "edifact.cnt.mismatch";
    public const string MessageType = "edifact.message.type";
}
