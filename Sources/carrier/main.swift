import CarrierCLI
import Foundation

exit(CarrierMain.run(Array(CommandLine.arguments.dropFirst())))
