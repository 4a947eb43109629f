/// The endpoints under the base path, recognised from the decoded path segments.
enum SCIMEndpoint: Equatable {
    case serviceProviderConfig
    case resourceTypes
    case resourceType(String)
    case schemas
    case schema(String)
    case users
    case userSearch
    /// `POST /.search` (RFC 7644 §3.4.3): a search across every resource type; Users are the only one here.
    case rootSearch
    case user(id: String)

    /// The endpoint at `segments`, or nil (404) when there is none.
    init?(segments: [String]) {
        switch segments.count {
        case 1:
            switch segments[0] {
            case "ServiceProviderConfig": self = .serviceProviderConfig
            case "ResourceTypes": self = .resourceTypes
            case "Schemas": self = .schemas
            case "Users": self = .users
            case ".search": self = .rootSearch
            default: return nil
            }
        case 2:
            switch segments[0] {
            case "ResourceTypes": self = .resourceType(segments[1])
            case "Schemas": self = .schema(segments[1])
            case "Users": self = segments[1] == ".search" ? .userSearch : .user(id: segments[1])
            default: return nil
            }
        default:
            return nil
        }
    }

    /// The methods the endpoint answers, for the 405 check and its `Allow` header.
    var allowedMethods: [String] {
        switch self {
        case .serviceProviderConfig, .resourceTypes, .resourceType, .schemas, .schema: ["GET", "HEAD"]
        case .users: ["GET", "HEAD", "POST"]
        case .userSearch, .rootSearch: ["POST"]
        case .user: ["GET", "HEAD", "PUT", "PATCH", "DELETE"]
        }
    }
}
