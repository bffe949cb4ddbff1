namespace SmartCustoms.Server.Hosting;

/// <summary>
/// The node cannot start because of how it is set up. The message is one line for the operator, naming the setting
/// and the fix; it is printed without a stack trace, so it never holds a secret.
/// </summary>
public sealed class NodeStartupException : Exception
{
    public NodeStartupException()
    {
    }

    public NodeStartupException(string message)
        : base(message)
    {
    }

    public NodeStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
