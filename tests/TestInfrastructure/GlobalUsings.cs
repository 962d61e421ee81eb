// The namespaces most of this project's files use, imported once here instead of at the top of each file.
global using Microsoft.Extensions.DependencyInjection;
global using Xunit;
