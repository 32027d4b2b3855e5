namespace Normalizer.Testing.FakeGraph;

/// <summary>Where the access token was found.</summary>
public enum FakeGraphTokenSource
{
    None,
    Query,
    Form,
    JsonBody,
    BearerHeader,
}
