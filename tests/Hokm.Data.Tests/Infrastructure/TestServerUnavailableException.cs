namespace Hokm.Data.Tests.Infrastructure;

/// <summary>
/// No server of the needed kind could be found or started. The message says how to get one; tests fail with it
/// rather than skip, so a missing server is never mistaken for a pass.
/// </summary>
public sealed class TestServerUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TestServerUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message saying how to get a server.</summary>
    public TestServerUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    public TestServerUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
