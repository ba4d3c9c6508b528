/// Why a register map was refused: a message naming the file, the point and the key at fault.
package struct RegisterMapError: Error, CustomStringConvertible {
    package let description: String
    package init(_ description: String) { self.description = description }
}
