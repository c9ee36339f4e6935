import DefaultTheme from 'vitepress/theme'
import './clauses.css'

export default DefaultTheme
